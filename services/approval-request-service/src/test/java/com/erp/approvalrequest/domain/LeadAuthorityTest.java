package com.erp.approvalrequest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.erp.approvalrequest.api.ExpenseRequest;
import com.erp.approvalrequest.api.TripRequest;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.Person;
import org.junit.jupiter.api.Test;

class LeadAuthorityTest {

    private static final Person LEAD = new Person(2, "lead", "TEAM_LEAD", "dev");
    private static final Person HEAD = new Person(3, "head", "DEPT_HEAD", "dev");
    private static final List<Person> LINE = List.of(LEAD, HEAD);
    private final LeadAuthority rules = new LeadAuthority(new LeadAuthority.Limits(500_000, 3, 2));

    private static ExpenseRequest expense(long won) {
        return new ExpenseRequest(won, "MEAL", "2026-01-05");
    }

    @Test
    void anExpenseUpToTheLimitEndsWithTheLeadAndSaysWhomItLeavesOut() {
        LeadAuthority.Line cut = rules.apply("EXPENSE", expense(500_000), null, null, LINE);
        assertThat(cut.approvers()).containsExactly(LEAD);
        assertThat(cut.ruling()).isEqualTo(new LeadAuthority.Ruling("EXPENSE", "TEAM_LEAD", 500_000, "WON", 500_000, LEAD,
                List.of(HEAD)));
        assertThat(rules.apply("EXPENSE", expense(500_001), null, null, LINE)).isEqualTo(new LeadAuthority.Line(LINE, null));
    }

    @Test
    void leaveCountsItsWorkingDaysAndATripItsCalendarDays() {
        assertThat(rules.apply("LEAVE", null, new Leave("ANNUAL", "2026-01-05", "2026-01-09", 3), null, LINE).approvers())
                .containsExactly(LEAD);
        assertThat(rules.apply("LEAVE", null, new Leave("ANNUAL", "2026-01-05", "2026-01-08", 3.5), null, LINE).approvers())
                .containsExactly(LEAD, HEAD);
        // Friday to Saturday: two days, weekend or not
        assertThat(rules.apply("BUSINESS_TRIP", null, null, new TripRequest("x", "2026-01-09", "2026-01-10", null), LINE)
                .ruling().size()).isEqualTo(2);
        assertThat(rules.apply("BUSINESS_TRIP", null, null, new TripRequest("x", "2026-01-09", "2026-01-11", null), LINE)
                .approvers()).containsExactly(LEAD, HEAD);
    }

    @Test
    void aGeneralDocumentAndARuleSwitchedOffGoTheWholeLine() {
        assertThat(rules.apply("GENERAL", null, null, null, LINE).ruling()).isNull();
        LeadAuthority off = new LeadAuthority(new LeadAuthority.Limits(0, 0, 0));
        assertThat(off.apply("EXPENSE", expense(1), null, null, LINE).approvers()).containsExactly(LEAD, HEAD);
        assertThat(off.apply("LEAVE", null, new Leave("HALF_DAY_AM", "2026-01-05", "2026-01-05", 0.5), null, LINE)
                .approvers()).containsExactly(LEAD, HEAD);
    }

    @Test
    void aLineWithoutALeadBeforeItsEndIsNeverCut() {
        // the drafter is the lead, or the team has none: the head decides
        assertThat(rules.apply("EXPENSE", expense(1), null, null, List.of(HEAD))).isEqualTo(
                new LeadAuthority.Line(List.of(HEAD), null));
        // the head is gone: the lead is the last already, nothing to say
        assertThat(rules.apply("EXPENSE", expense(1), null, null, List.of(LEAD)).ruling()).isNull();
        assertThat(rules.apply("EXPENSE", expense(1), null, null, List.of()).approvers()).isEmpty();
    }
}
