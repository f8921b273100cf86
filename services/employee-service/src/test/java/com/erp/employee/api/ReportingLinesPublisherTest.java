package com.erp.employee.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.erp.employee.domain.Employee;
import com.erp.employee.domain.OrgFixture;
import com.erp.routes.common.events.ReportingLines;
import com.erp.routes.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ReportingLinesPublisherTest {

    private final OrgFixture org = new OrgFixture();
    private final Employee staff = org.staff;
    private final Employee lead = org.lead;
    private final Employee head = org.head;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));
    private final ReportingLinesPublisher publisher = new ReportingLinesPublisher(clock, Duration.ofHours(1));

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
        clock.advance(Duration.ofMinutes(59));
        assertThat(publisher.changed(List.of(staff, lead, head))).isNull();
        clock.advance(Duration.ofMinutes(1));
        ReportingLines again = publisher.changed(List.of(staff, lead, head));
        assertThat(again).isNotNull();
        assertThat(again.superiors()).isEqualTo(first.superiors());
        publisher.published(again);
        assertThat(publisher.changed(List.of(staff, lead, head))).isNull();

        // the team without its lead: the staff member reports to the head now
        org.team.setLead(null);
        ReportingLines changed = publisher.changed(List.of(head, staff, lead));
        assertThat(changed).isNotNull();
        assertThat(changed.superiors().get(1L).name()).isEqualTo("head");
    }

    /** The heads are listed too (notification tells a receiving department's head now), and a new head is a change. */
    @Test
    void eachDepartmentsActiveHeadIsListedAndANewHeadIsPublished() {
        OrgFixture.set(org.dept, "id", 10L);
        ReportingLines first = publisher.changed(List.of(head, staff, lead));
        assertThat(first.departmentHeads()).containsOnlyKeys(org.dept.getId());
        assertThat(first.departmentHeads().get(org.dept.getId()).name()).isEqualTo("head");
        publisher.published(first);
        assertThat(publisher.changed(List.of(head, staff, lead))).isNull();

        // the lead heads the department now (the superiors stay: the lead is still the staff member's first approver)
        org.dept.setHead(lead);
        ReportingLines changed = publisher.changed(List.of(head, staff, lead));
        assertThat(changed).as("a new head alone is a change").isNotNull();
        assertThat(changed.departmentHeads().get(org.dept.getId()).name()).isEqualTo("lead");

        org.dept.setHead(null);
        assertThat(publisher.changed(List.of(head, staff, lead)).departmentHeads()).as("no head: not listed").isEmpty();
    }
}
