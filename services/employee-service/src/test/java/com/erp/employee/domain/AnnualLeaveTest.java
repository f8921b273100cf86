package com.erp.employee.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The year's allowance from the company's days and the hire date. */
class AnnualLeaveTest {

    private static int days2(LocalDate hired, int year) {
        return AnnualLeave.halfDays(15, hired, year);
    }

    @Test
    void nothingBeforeTheYearOfTheHireDate() {
        assertThat(days2(LocalDate.of(2026, 1, 2), 2025)).isZero();
        assertThat(AnnualLeave.beforeHire(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 2, 27))).contains("2026-03-02");
        assertThat(AnnualLeave.beforeHire(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2))).isNull();
    }

    @Test
    void theYearOfTheHireDateInProportionRoundedUpToAHalfDay() {
        assertThat(days2(LocalDate.of(2026, 1, 1), 2026)).isEqualTo(30);
        // 2026-07-01 to 12-31: 184 of 365 days, 7.56 days -> 8
        assertThat(days2(LocalDate.of(2026, 7, 1), 2026)).isEqualTo(16);
        // 12-31 alone: 0.04 days -> a half day
        assertThat(days2(LocalDate.of(2026, 12, 31), 2026)).isEqualTo(1);
        // a leap year counts 366 days: from 2028-07-02, 183 of 366 = 7.5 days exactly
        assertThat(days2(LocalDate.of(2028, 7, 2), 2028)).isEqualTo(15);
        // never below the statutory day a month of the first year: a company that gives 10 days a year still gives the
        // 11 days of eleven months completed (hired on January 2nd: the twelfth month ends next year)
        assertThat(AnnualLeave.halfDays(10, LocalDate.of(2026, 1, 2), 2026)).isEqualTo(22);
        assertThat(AnnualLeave.halfDays(10, LocalDate.of(2026, 7, 1), 2026)).as("proportion 5.04, six months: 6").isEqualTo(12);
        assertThat(AnnualLeave.halfDays(10, LocalDate.of(2026, 1, 1), 2026)).as("a whole year of 10 days: still eleven months' 11")
                .isEqualTo(22);
    }

    @Test
    void laterYearsTheCompanysDaysOrTheLawsByTheYearsCompletedInTheYear() {
        LocalDate hired = LocalDate.of(2020, 7, 1);
        assertThat(days2(hired, 2021)).as("the first anniversary in 2021").isEqualTo(30);
        assertThat(days2(hired, 2022)).as("2 years").isEqualTo(30);
        assertThat(days2(hired, 2023)).as("3 years: a day more").isEqualTo(32);
        assertThat(days2(hired, 2024)).isEqualTo(32);
        assertThat(days2(hired, 2025)).as("5 years").isEqualTo(34);
        assertThat(days2(hired, 2040)).as("20 years").isEqualTo(2 * 24);
        assertThat(days2(hired, 2041)).as("21 years: the most").isEqualTo(50);
        assertThat(days2(hired, 2060)).isEqualTo(50);
        // hired on January 1st: the third anniversary is on the first day of the year
        assertThat(days2(LocalDate.of(2020, 1, 1), 2023)).isEqualTo(32);
        // a company that gives more than the law keeps giving it
        assertThat(AnnualLeave.halfDays(20, hired, 2023)).isEqualTo(40);
    }

    @Test
    void theStatutoryScale() {
        assertThat(AnnualLeave.statutoryDays(0)).isZero();
        assertThat(AnnualLeave.statutoryDays(1)).isEqualTo(15);
        assertThat(AnnualLeave.statutoryDays(2)).isEqualTo(15);
        assertThat(AnnualLeave.statutoryDays(3)).isEqualTo(16);
        assertThat(AnnualLeave.statutoryDays(4)).isEqualTo(16);
        assertThat(AnnualLeave.statutoryDays(21)).isEqualTo(25);
        assertThat(AnnualLeave.statutoryDays(30)).isEqualTo(25);
    }
}
