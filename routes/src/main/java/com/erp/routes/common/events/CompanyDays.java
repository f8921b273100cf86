package com.erp.routes.common.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which days the company works ({@code erp.working-time.days}) and which it does not although they are such a day
 * ({@code erp.working-time.holidays}: 공휴일, 대체공휴일, the company's own days off). Leave is counted in working days
 * ({@link LeaveRules}), and so is the time a step waits (approval-processing's business calendar): every service
 * must read the same list, which common.yml gives them.
 */
public record CompanyDays(Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {

    /** Monday to Friday, no holidays: for tests that need no calendar. */
    public static final CompanyDays WEEKDAYS = new CompanyDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());

    public CompanyDays {
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(holidays);
    }

    /** From the configuration's lists: day names, and ISO dates (blanks ignored). */
    public static CompanyDays of(List<DayOfWeek> workingDays, List<String> holidays) {
        return new CompanyDays(EnumSet.copyOf(workingDays), holidays.stream().map(String::trim).filter(d -> !d.isEmpty())
                .map(LocalDate::parse).collect(Collectors.toSet()));
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** Schema DaysOff (employee-api): the working days in week order, the holidays by date. */
    public record View(List<String> workingDays, List<String> holidays) {
    }

    public View view() {
        return new View(workingDays.stream().sorted().map(DayOfWeek::name).toList(),
                holidays.stream().sorted().map(LocalDate::toString).toList());
    }

    /** Whether the list names any day of this year (it is kept by hand, year by year). */
    public boolean listsHolidaysOf(int year) {
        return holidays.stream().anyMatch(d -> d.getYear() == year);
    }
}
