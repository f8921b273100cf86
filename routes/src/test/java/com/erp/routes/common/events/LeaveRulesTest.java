package com.erp.routes.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeaveRulesTest {

    // 2026-12-21 is a Monday
    @Test
    void countsWorkingDaysBothEndsIncluded() {
        assertThat(LeaveRules.leave("ANNUAL", "2026-12-21", "2026-12-23").days()).isEqualTo(3.0);
        // Friday to Monday: the weekend does not count
        assertThat(LeaveRules.leave("ANNUAL", "2026-12-18", "2026-12-21").days()).isEqualTo(2.0);
        // two full weeks
        assertThat(LeaveRules.leave("ANNUAL", "2026-12-07", "2026-12-20").days()).isEqualTo(10.0);
    }

    @Test
    void twoLeavesOverlapOnAWorkingDayBothTakeOrTheSameHalfOfIt() {
        java.time.LocalDate mon = java.time.LocalDate.parse("2026-12-21");
        assertThat(LeaveRules.overlaps("ANNUAL", mon, mon.plusDays(2), "ANNUAL", mon.plusDays(2), mon.plusDays(4)))
                .as("Wednesday in both").isTrue();
        assertThat(LeaveRules.overlaps("ANNUAL", mon, mon.plusDays(1), "ANNUAL", mon.plusDays(2), mon.plusDays(4))).isFalse();
        // Thursday to Saturday and Saturday to Monday: only a weekend day in common
        assertThat(LeaveRules.overlaps("ANNUAL", mon.plusDays(3), mon.plusDays(5), "ANNUAL", mon.plusDays(5), mon.plusDays(7)))
                .isFalse();
        // a morning and an afternoon of one day do not; the same half, or a half within a whole day, does
        assertThat(LeaveRules.overlaps("HALF_DAY_AM", mon, mon, "HALF_DAY_PM", mon, mon)).isFalse();
        assertThat(LeaveRules.overlaps("HALF_DAY_AM", mon, mon, "HALF_DAY_AM", mon, mon)).isTrue();
        assertThat(LeaveRules.overlaps("HALF_DAY_PM", mon.plusDays(1), mon.plusDays(1), "ANNUAL", mon, mon.plusDays(2))).isTrue();
    }

    @Test
    void oneDateWithoutAnEnd() {
        Leave leave = LeaveRules.leave("ANNUAL", "2026-12-22", null);
        assertThat(leave.endDate()).isEqualTo("2026-12-22");
        assertThat(leave.days()).isEqualTo(1.0);
        assertThat(leave.halfDays()).isEqualTo(2);
    }

    @Test
    void aHalfDayIsHalfOfOneDate() {
        Leave am = LeaveRules.leave("HALF_DAY_AM", "2026-12-22", "2026-12-22");
        assertThat(am.days()).isEqualTo(0.5);
        assertThat(am.halfDays()).isEqualTo(1);
        assertThat(LeaveRules.violation("HALF_DAY_PM", "2026-12-22", "2026-12-23")).get().asString()
                .contains("half day is one date");
    }

    @Test
    void refusesWhatCannotBeTaken() {
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-23", "2026-12-21")).get().asString().contains("before it starts");
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-30", "2027-01-04")).get().asString().contains("one calendar year");
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-19", "2026-12-20")).get().asString().contains("no working day");
        assertThat(LeaveRules.violation("HALF_DAY_AM", "2026-12-19", null)).get().asString().contains("no working day");
        assertThat(LeaveRules.violation("SICK", "2026-12-21", null)).get().asString().contains("ANNUAL, HALF_DAY_AM");
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-32", null)).get().asString().contains("dates like");
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-21", "2026-12-31")).isEmpty();
        assertThatThrownBy(() -> LeaveRules.leave("ANNUAL", "2026-12-20", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void daysAndHalfDays() {
        assertThat(LeaveRules.halfDays(1.5)).isEqualTo(3);
        assertThat(LeaveRules.inHalfDays(2.5)).isTrue();
        assertThat(LeaveRules.inHalfDays(0.3)).isFalse();
        assertThat(LeaveRules.days(3)).isEqualTo("1.5 days");
        assertThat(LeaveRules.days(2)).isEqualTo("1 day");
    }
}
