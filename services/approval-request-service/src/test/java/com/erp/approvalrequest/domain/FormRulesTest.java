package com.erp.approvalrequest.domain;

import static com.erp.routes.testing.Problems.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.erp.approvalrequest.api.ExpenseRequest;
import com.erp.approvalrequest.api.TripRequest;
import org.junit.jupiter.api.Test;

class FormRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static int check(String type, ExpenseRequest expense, TripRequest trip) {
        return statusOf(() -> FormRules.check(type, expense, trip, TODAY));
    }

    @Test
    void eachFormHasItsOwnPartAndNoOther() {
        ExpenseRequest meal = new ExpenseRequest(12000L, "MEAL", "2026-12-01");
        TripRequest busan = new TripRequest("부산", "2026-12-07", "2026-12-08", null);
        assertThat(check("EXPENSE", meal, null)).isEqualTo(200);
        assertThat(check("BUSINESS_TRIP", null, busan)).isEqualTo(200);
        assertThat(check("GENERAL", null, null)).isEqualTo(200);
        assertThat(check("EXPENSE", null, null)).isEqualTo(422);
        assertThat(check("BUSINESS_TRIP", null, null)).isEqualTo(422);
        assertThat(check("GENERAL", meal, null)).isEqualTo(422);
        assertThat(check("EXPENSE", meal, busan)).isEqualTo(422);
        assertThat(check("LEAVE", null, busan)).isEqualTo(422);
    }

    @Test
    void anExpenseIsSpentWithinTheLastYearAndATripIsInOrderAtMostNinetyDaysAndNear() {
        assertThat(check("EXPENSE", new ExpenseRequest(1L, "OTHER", "2026-12-02"), null)).isEqualTo(200);
        assertThat(check("EXPENSE", new ExpenseRequest(1L, "OTHER", "2026-12-03"), null)).isEqualTo(422);
        assertThat(check("EXPENSE", new ExpenseRequest(1L, "OTHER", "2025-12-02"), null)).isEqualTo(200);
        assertThat(check("EXPENSE", new ExpenseRequest(1L, "OTHER", "2025-12-01"), null)).isEqualTo(422);

        assertThat(check("BUSINESS_TRIP", null, new TripRequest("대전", "2026-12-07", "2026-12-07", null))).isEqualTo(200);
        assertThat(check("BUSINESS_TRIP", null, new TripRequest("대전", "2026-12-08", "2026-12-07", null))).isEqualTo(422);
        assertThat(check("BUSINESS_TRIP", null, new TripRequest("대전", "2027-01-01", "2027-03-31", null))).isEqualTo(200);
        assertThat(check("BUSINESS_TRIP", null, new TripRequest("대전", "2027-01-01", "2027-04-01", null))).isEqualTo(422);
        assertThat(check("BUSINESS_TRIP", null, new TripRequest("대전", "2028-01-03", "2028-01-04", null))).isEqualTo(422);
        assertThat(check("BUSINESS_TRIP", null, new TripRequest(" ", "2026-12-07", "2026-12-07", null))).isEqualTo(422);
    }
}
