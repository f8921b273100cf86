package com.erp.employee.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DelegationRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    private static Optional<String> check(long deputy, String start, String end, Optional<Delegation> deputysOwn,
                                          List<Delegation> actingFor) {
        return DelegationRules.violation(1, deputy, LocalDate.parse(start), LocalDate.parse(end), TODAY, deputysOwn,
                actingFor, id -> "P" + id);
    }

    private static Delegation delegation(long approver, long deputy, String start, String end) {
        return new Delegation(approver, deputy, LocalDate.parse(start), LocalDate.parse(end), null, Instant.EPOCH);
    }

    @Test
    void aDeputyOtherThanOneselfForDaysInOrderThatAreNotOver() {
        assertThat(check(2, "2026-12-02", "2026-12-02", Optional.empty(), List.of())).isEmpty();
        // started earlier, still running: fine
        assertThat(check(2, "2026-11-20", "2026-12-05", Optional.empty(), List.of())).isEmpty();
        assertThat(check(1, "2026-12-03", "2026-12-04", Optional.empty(), List.of())).get().asString().contains("own deputy");
        assertThat(check(2, "2026-12-05", "2026-12-04", Optional.empty(), List.of())).get().asString().contains("before it starts");
        assertThat(check(2, "2026-11-20", "2026-12-01", Optional.empty(), List.of())).get().asString().contains("has passed");
    }

    @Test
    void atMostNinetyDaysStartingWithinAYear() {
        assertThat(check(2, "2026-12-02", "2027-03-01", Optional.empty(), List.of())).isEmpty(); // 90 days
        assertThat(check(2, "2026-12-02", "2027-03-02", Optional.empty(), List.of())).get().asString().contains("at most 90");
        assertThat(check(2, "2027-12-02", "2027-12-03", Optional.empty(), List.of())).isEmpty();
        assertThat(check(2, "2027-12-03", "2027-12-04", Optional.empty(), List.of())).get().asString().contains("within 365");
    }

    @Test
    void noChainsTheDeputyIsNotAwayThenAndTheApproverDecidesForNobodyThen() {
        // the deputy is away on one of those days: their own decisions go to P3 then
        assertThat(check(2, "2026-12-03", "2026-12-10", Optional.of(delegation(2, 3, "2026-12-10", "2026-12-12")), List.of()))
                .get().asString().contains("P2 is away on some of those days").doesNotContain("P3")
                .doesNotContain("2026-12-10");
        // away on other days only: fine
        assertThat(check(2, "2026-12-03", "2026-12-09", Optional.of(delegation(2, 3, "2026-12-10", "2026-12-12")), List.of()))
                .isEmpty();
        // the approver decides for P4 on one of those days
        assertThat(check(2, "2026-12-03", "2026-12-10", Optional.empty(), List.of(delegation(4, 1, "2026-12-01", "2026-12-03"))))
                .get().asString().contains("You decide for P4");
        assertThat(check(2, "2026-12-04", "2026-12-10", Optional.empty(), List.of(delegation(4, 1, "2026-12-01", "2026-12-03"))))
                .isEmpty();
    }
}
