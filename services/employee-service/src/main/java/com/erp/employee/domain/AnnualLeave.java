package com.erp.employee.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.Year;

/**
 * A year's annual leave (연차) as the ledger opens it, from the company's allowance and the employee's hire date
 * (입사일). The ledger keeps calendar years (회계연도 기준), so:
 * <ul>
 *   <li>before the year of the hire date: nothing (and no leave may be taken before that date);</li>
 *   <li>the year of the hire date: the company's allowance in proportion to the days employed in it, rounded up to a
 *   half day, and no fewer than the statutory first-year day for each month of service completed by the year's end
 *   (근로기준법 제60조 ②);</li>
 *   <li>every later year: the company's allowance, and never less than the statutory leave of the years of service
 *   the employee completes in that year: 15 days, and a day more for every two years after the first, up to 25
 *   (근로기준법 제60조 ①, ④). Counting the years completed by the year's end, the day more comes at the start of the
 *   year whose anniversary earns it, not later.</li>
 * </ul>
 */
public final class AnnualLeave {

    static final int STATUTORY_DAYS = 15;
    static final int STATUTORY_MAX_DAYS = 25;
    static final int FIRST_YEAR_MAX_DAYS = 11;

    private AnnualLeave() {
    }

    /** The year's allowance in half days. */
    public static int halfDays(int companyDays, LocalDate hiredOn, int year) {
        if (year < hiredOn.getYear()) {
            return 0;
        }
        if (year == hiredOn.getYear()) {
            int employed = Year.of(year).length() - hiredOn.getDayOfYear() + 1;
            // half days, rounded up: 2 * days * employed / length
            long length = Year.of(year).length();
            int proportion = (int) ((2L * companyDays * employed + length - 1) / length);
            // and never less than the law's day for each month of service completed by the year's end (at most 11)
            long months = Period.between(hiredOn, LocalDate.of(year, 12, 31).plusDays(1)).toTotalMonths();
            return Math.max(proportion, 2 * (int) Math.min(FIRST_YEAR_MAX_DAYS, months));
        }
        return 2 * Math.max(companyDays, statutoryDays(Period.between(hiredOn, LocalDate.of(year, 12, 31)).getYears()));
    }

    /** The statutory leave after {@code years} full years of service (one at least). */
    static int statutoryDays(int years) {
        if (years < 1) {
            return 0;
        }
        return Math.min(STATUTORY_MAX_DAYS, STATUTORY_DAYS + (years - 1) / 2);
    }

    /** Why a leave starting on {@code start} is refused for the hire date, or null if it is not. */
    public static String beforeHire(LocalDate hiredOn, LocalDate start) {
        return start.isBefore(hiredOn)
                ? "The leave starts on " + start + ", before the hire date (입사일) " + hiredOn + "." : null;
    }
}
