package com.erp.approvalprocessing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import com.erp.routes.common.events.CompanyDays;
import org.junit.jupiter.api.Test;

/** Working time in Seoul: weekdays 09:00–18:00, holidays off. */
class BusinessCalendarTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private final BusinessCalendar calendar = new BusinessCalendar(SEOUL, new CompanyDays(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.parse("2026-12-25"))), "09:00-18:00");

    private static Instant seoul(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SEOUL).toInstant();
    }

    @Test
    void aDocumentSentOnFridayEveningHasNotWaitedOverTheWeekend() {
        // Friday 2026-11-27 17:00: one hour left that day, seven more from Monday 09:00
        assertThat(calendar.after(seoul("2026-11-27T17:00"), Duration.ofHours(8))).isEqualTo(seoul("2026-11-30T16:00"));
        assertThat(calendar.between(seoul("2026-11-27T17:00"), seoul("2026-11-30T16:00"))).isEqualTo(Duration.ofHours(8));
        // sent on Saturday: counting starts on Monday morning
        assertThat(calendar.after(seoul("2026-11-28T10:00"), Duration.ofHours(2))).isEqualTo(seoul("2026-11-30T11:00"));
    }

    @Test
    void countingStartsWhenTheDayDoesAndSkipsHolidays() {
        assertThat(calendar.after(seoul("2026-12-01T06:30"), Duration.ofMinutes(30))).isEqualTo(seoul("2026-12-01T09:30"));
        // after closing: the next morning
        assertThat(calendar.after(seoul("2026-12-01T19:00"), Duration.ofHours(1))).isEqualTo(seoul("2026-12-02T10:00"));
        // Thursday 24 December 17:00; Christmas is off, so the rest falls on Monday 28th
        assertThat(calendar.after(seoul("2026-12-24T17:00"), Duration.ofHours(3))).isEqualTo(seoul("2026-12-28T11:00"));
        assertThat(calendar.between(seoul("2026-12-24T17:00"), seoul("2026-12-28T11:00"))).isEqualTo(Duration.ofHours(3));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();
    }

    @Test
    void exactlyAtClosingTheRemainderIsTheNextWorkingDay() {
        assertThat(calendar.after(seoul("2026-12-01T09:00"), Duration.ofHours(9))).isEqualTo(seoul("2026-12-01T18:00"));
        assertThat(calendar.after(seoul("2026-12-01T09:00"), Duration.ofHours(10))).isEqualTo(seoul("2026-12-02T10:00"));
        assertThat(calendar.between(seoul("2026-12-01T20:00"), seoul("2026-12-01T10:00"))).isZero();
    }

    @Test
    void alwaysCountsEveryMoment() {
        BusinessCalendar always = BusinessCalendar.always(SEOUL);
        Instant saturdayNight = seoul("2026-11-28T23:30");
        assertThat(always.after(saturdayNight, Duration.ofHours(1))).isEqualTo(saturdayNight.plus(Duration.ofHours(1)));
        assertThat(always.between(saturdayNight, saturdayNight.plusSeconds(5400))).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void hoursThatLeaveNoWorkingTimeAreRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(SEOUL, new CompanyDays(Set.of(DayOfWeek.MONDAY), Set.of()), "18:00-09:00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(SEOUL, new CompanyDays(Set.of(), Set.of()), "09:00-18:00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar(SEOUL, new CompanyDays(Set.of(DayOfWeek.MONDAY), Set.of()), "nine to six"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
