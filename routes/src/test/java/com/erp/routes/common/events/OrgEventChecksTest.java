package com.erp.routes.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.kafka.InvalidEventException;
import org.junit.jupiter.api.Test;

/** What a consumer refuses to keep of the org chart's events (a dead letter instead). */
class OrgEventChecksTest {

    private static final Person APPROVER = new Person(1, "이서연", "TEAM_LEAD", "개발본부");
    private static final Person DEPUTY = new Person(2, "박지훈", "DEPT_HEAD", "개발본부");

    private static DelegationEvent delegation(Person approver, Person deputy, String start, String end) {
        return new DelegationEvent("e", 1, Instant.now(), approver, deputy, start, end, null, 1);
    }

    @Test
    void aDelegationNeedsAnApproverAndForADeputyTwoDaysInOrder() {
        assertThat(delegation(APPROVER, DEPUTY, "2026-12-01", "2026-12-01").checked()).isNotNull();
        assertThat(delegation(APPROVER, null, null, null).checked()).as("ended").isNotNull();
        assertThatThrownBy(() -> delegation(null, DEPUTY, "2026-12-01", "2026-12-02").checked())
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> delegation(APPROVER, DEPUTY, "2026-02-30", "2026-03-02").checked())
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ISO dates");
        assertThatThrownBy(() -> delegation(APPROVER, DEPUTY, null, "2026-03-02").checked())
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> delegation(APPROVER, DEPUTY, "2026-03-02", "2026-03-01").checked())
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("before it starts");
    }

    @Test
    void aChartNeedsASuperiorOnEachLineAndOneKeptWithoutIsRead() {
        ReportingLines fine = new ReportingLines("e", 1, Instant.now(), List.of(new ReportingLines.Line(1, DEPUTY)));
        assertThat(fine.checked().superiors()).containsEntry(1L, DEPUTY);
        ReportingLines broken = new ReportingLines("e", 1, Instant.now(), List.of(new ReportingLines.Line(1, DEPUTY),
                new ReportingLines.Line(3, null)));
        assertThatThrownBy(broken::checked).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(new ReportingLines("e", 1, Instant.now(), null)::checked).isInstanceOf(InvalidEventException.class);
        assertThat(broken.superiors()).containsOnlyKeys(1L);
    }
}
