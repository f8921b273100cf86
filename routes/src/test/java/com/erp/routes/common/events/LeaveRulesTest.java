package com.erp.routes.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class LeaveRulesTest {

    private static final CompanyDays WEEKDAYS = CompanyDays.WEEKDAYS;
    // 추석 2026: the 24th and 25th of September (a Thursday and a Friday)
    private static final CompanyDays KOREA = CompanyDays.of(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), List.of("2026-09-24", " 2026-09-25", ""));

    @Test
    void publicHolidaysAreNotChargedAsLeave() {
        // the week of 추석: Monday to Friday is three working days, not five
        assertThat(LeaveRules.leave("ANNUAL", "2026-09-21", "2026-09-25", KOREA).days()).isEqualTo(3.0);
        assertThat(LeaveRules.leave("ANNUAL", "2026-09-21", "2026-09-25", WEEKDAYS).days()).isEqualTo(5.0);
        assertThat(LeaveRules.violation("ANNUAL", "2026-09-24", "2026-09-27", KOREA)).get().asString()
                .contains("no working day").contains("holiday");
        assertThat(LeaveRules.violation("HALF_DAY_PM", "2026-09-25", null, KOREA)).isPresent();
        // two leaves over the holidays only do not meet
        LocalDate thu = LocalDate.parse("2026-09-24");
        assertThat(LeaveRules.overlaps("ANNUAL", thu.minusDays(1), thu, "ANNUAL", thu, thu.plusDays(4), KOREA)).isFalse();
        assertThat(LeaveRules.overlaps("ANNUAL", thu.minusDays(1), thu, "ANNUAL", thu, thu.plusDays(4), WEEKDAYS)).isTrue();
        // a working day that is a holiday only where the company says so; a working week of six days
        CompanyDays saturdays = CompanyDays.of(List.of(DayOfWeek.values()).subList(0, 6), List.of());
        assertThat(LeaveRules.leave("ANNUAL", "2026-12-19", "2026-12-20", saturdays).days()).isEqualTo(1.0);
        assertThat(KOREA.listsHolidaysOf(2026)).isTrue();
        assertThat(KOREA.listsHolidaysOf(2027)).isFalse();
    }

    // 2026-12-21 is a Monday
    @Test
    void countsWorkingDaysBothEndsIncluded() {
        assertThat(LeaveRules.leave("ANNUAL", "2026-12-21", "2026-12-23", WEEKDAYS).days()).isEqualTo(3.0);
        // Friday to Monday: the weekend does not count
        assertThat(LeaveRules.leave("ANNUAL", "2026-12-18", "2026-12-21", WEEKDAYS).days()).isEqualTo(2.0);
        // two full weeks
        assertThat(LeaveRules.leave("ANNUAL", "2026-12-07", "2026-12-20", WEEKDAYS).days()).isEqualTo(10.0);
    }

    @Test
    void twoLeavesOverlapOnAWorkingDayBothTakeOrTheSameHalfOfIt() {
        java.time.LocalDate mon = java.time.LocalDate.parse("2026-12-21");
        assertThat(LeaveRules.overlaps("ANNUAL", mon, mon.plusDays(2), "ANNUAL", mon.plusDays(2), mon.plusDays(4), WEEKDAYS))
                .as("Wednesday in both").isTrue();
        assertThat(LeaveRules.overlaps("ANNUAL", mon, mon.plusDays(1), "ANNUAL", mon.plusDays(2), mon.plusDays(4), WEEKDAYS)).isFalse();
        // Thursday to Saturday and Saturday to Monday: only a weekend day in common
        assertThat(LeaveRules.overlaps("ANNUAL", mon.plusDays(3), mon.plusDays(5), "ANNUAL", mon.plusDays(5), mon.plusDays(7), WEEKDAYS))
                .isFalse();
        // a morning and an afternoon of one day do not; the same half, or a half within a whole day, does
        assertThat(LeaveRules.overlaps("HALF_DAY_AM", mon, mon, "HALF_DAY_PM", mon, mon, WEEKDAYS)).isFalse();
        assertThat(LeaveRules.overlaps("HALF_DAY_AM", mon, mon, "HALF_DAY_AM", mon, mon, WEEKDAYS)).isTrue();
        assertThat(LeaveRules.overlaps("HALF_DAY_PM", mon.plusDays(1), mon.plusDays(1), "ANNUAL", mon, mon.plusDays(2), WEEKDAYS)).isTrue();
    }

    @Test
    void oneDateWithoutAnEnd() {
        Leave leave = LeaveRules.leave("ANNUAL", "2026-12-22", null, WEEKDAYS);
        assertThat(leave.endDate()).isEqualTo("2026-12-22");
        assertThat(leave.days()).isEqualTo(1.0);
        assertThat(leave.halfDays()).isEqualTo(2);
    }

    @Test
    void aHalfDayIsHalfOfOneDate() {
        Leave am = LeaveRules.leave("HALF_DAY_AM", "2026-12-22", "2026-12-22", WEEKDAYS);
        assertThat(am.days()).isEqualTo(0.5);
        assertThat(am.halfDays()).isEqualTo(1);
        assertThat(LeaveRules.violation("HALF_DAY_PM", "2026-12-22", "2026-12-23", WEEKDAYS)).get().asString()
                .contains("half day is one date");
    }

    @Test
    void refusesWhatCannotBeTaken() {
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-23", "2026-12-21", WEEKDAYS)).get().asString().contains("before it starts");
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-30", "2027-01-04", WEEKDAYS)).get().asString().contains("one calendar year");
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-19", "2026-12-20", WEEKDAYS)).get().asString().contains("no working day");
        assertThat(LeaveRules.violation("HALF_DAY_AM", "2026-12-19", null, WEEKDAYS)).get().asString().contains("no working day");
        assertThat(LeaveRules.violation("SICK", "2026-12-21", null, WEEKDAYS)).get().asString().contains("ANNUAL, HALF_DAY_AM");
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-32", null, WEEKDAYS)).get().asString().contains("dates like");
        assertThat(LeaveRules.violation("ANNUAL", "2026-12-21", "2026-12-31", WEEKDAYS)).isEmpty();
        assertThatThrownBy(() -> LeaveRules.leave("ANNUAL", "2026-12-20", null, WEEKDAYS)).isInstanceOf(IllegalArgumentException.class);
        // what no calendar could make sense of, apart from a weekend (which another calendar might work)
        assertThat(LeaveRules.malformed("ANNUAL", "2026-12-19", "2026-12-20")).isEmpty();
        assertThat(LeaveRules.malformed("ANNUAL", "2026-12-23", "2026-12-21")).get().asString().contains("before it starts");
        assertThat(LeaveRules.malformed("SICK", "2026-12-21", null)).isPresent();
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
