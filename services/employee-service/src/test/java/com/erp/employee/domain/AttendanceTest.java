package com.erp.employee.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
}
