package com.erp.employee.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import com.erp.employee.domain.Department;
import com.erp.employee.domain.Employee;
import com.erp.employee.domain.Position;
import com.erp.employee.domain.Role;
import com.erp.employee.domain.Team;
import com.erp.routes.common.events.ReportingLines;
import org.junit.jupiter.api.Test;

class ReportingLinesPublisherTest {

    private final Department dept = new Department("DEV", "개발본부");
    private final Team team = new Team(dept, "플랫폼팀");
    private final Employee staff = person(1, "staff", team, Position.STAFF);
    private final Employee lead = person(2, "lead", team, Position.TEAM_LEAD);
    private final Employee head = person(3, "head", null, Position.DEPT_HEAD);
    private Instant now = Instant.parse("2026-12-03T00:00:00Z");
    private final ReportingLinesPublisher publisher = new ReportingLinesPublisher(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, Duration.ofHours(1));

    ReportingLinesPublisherTest() {
        team.setLead(lead);
        dept.setHead(head);
    }

    private Employee person(long id, String name, Team t, Position position) {
        Employee e = new Employee(name, "x", name, null, dept, t, position, EnumSet.of(Role.EMPLOYEE));
        try {
            Field f = Employee.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(e, id);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
        return e;
    }

    @Test
    void eachReportsToTheFirstOfTheirDefaultLineAndHeadsToNobody() {
        ReportingLines lines = publisher.changed(List.of(head, staff, lead));
        assertThat(lines.lines()).extracting(ReportingLines.Line::employeeId).containsExactly(1L, 2L);
        assertThat(lines.superiors().get(1L).name()).isEqualTo("lead");
        assertThat(lines.superiors().get(2L).name()).isEqualTo("head");
    }

    @Test
    void publishedOnlyWhenTheChartSaysSomethingElse() {
        ReportingLines first = publisher.changed(List.of(head, staff, lead));
        // not yet on Kafka (the send failed): the next period tries again
        assertThat(publisher.changed(List.of(head, staff, lead))).isNotNull();
        publisher.published(first);
        assertThat(publisher.changed(List.of(staff, lead, head))).isNull();
        // unchanged, but published an hour ago: again, for a consumer that lost its copy
        now = now.plus(Duration.ofMinutes(59));
        assertThat(publisher.changed(List.of(staff, lead, head))).isNull();
        now = now.plus(Duration.ofMinutes(1));
        ReportingLines again = publisher.changed(List.of(staff, lead, head));
        assertThat(again).isNotNull();
        assertThat(again.superiors()).isEqualTo(first.superiors());
        publisher.published(again);
        assertThat(publisher.changed(List.of(staff, lead, head))).isNull();

        // the team without its lead: the staff member reports to the head now
        team.setLead(null);
        ReportingLines changed = publisher.changed(List.of(head, staff, lead));
        assertThat(changed).isNotNull();
        assertThat(changed.superiors().get(1L).name()).isEqualTo("head");
    }
}
