package com.erp.employee.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import com.erp.routes.common.events.CompanyDays;
import org.junit.jupiter.api.Test;

class AttendanceTest {

    @Test
    void everyThirtiethDayEarnsALeaveDay() {
        assertThat(Attendance.earnsLeaveDay(0, 30)).isFalse();
        assertThat(Attendance.earnsLeaveDay(29, 30)).isFalse();
        assertThat(Attendance.earnsLeaveDay(30, 30)).isTrue();
        assertThat(Attendance.earnsLeaveDay(31, 30)).isFalse();
        assertThat(Attendance.earnsLeaveDay(60, 30)).isTrue();
    }

    @Test
    void theTimeWorkedIsFromCheckInToCheckOutInWholeMinutes() {
        Attendance day = new Attendance(1, LocalDate.parse("2031-03-03"), java.time.Instant.parse("2031-03-02T23:55:30Z"), true);
        assertThat(day.workedMinutes()).as("not checked out yet").isNull();
        day.checkOut(java.time.Instant.parse("2031-03-03T09:10:29Z"));
        assertThat(day.workedMinutes()).isEqualTo(9 * 60 + 14);
    }

    @Test
    void aDayOffOrADayOfOnesOwnLeaveDoesNotCount() {
        // 2031-03-03 is a Monday; the 4th a holiday of this calendar
        CompanyDays days = new CompanyDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Set.of(LocalDate.parse("2031-03-04")));
        assertThat(Attendance.notCounted(LocalDate.parse("2031-03-03"), days, false)).isNull();
        assertThat(Attendance.notCounted(LocalDate.parse("2031-03-04"), days, false)).contains("not a working day");
        assertThat(Attendance.notCounted(LocalDate.parse("2031-03-08"), days, false)).contains("not a working day");
        assertThat(Attendance.notCounted(LocalDate.parse("2031-03-05"), days, true)).contains("approved leave");
    }
}
