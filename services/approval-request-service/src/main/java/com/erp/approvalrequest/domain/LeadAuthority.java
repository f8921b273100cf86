package com.erp.approvalrequest.domain;

import java.util.List;

import com.erp.approvalrequest.api.ExpenseRequest;
import com.erp.approvalrequest.api.TripRequest;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.Person;

/**
 * 위임전결 규정 (the line's part): which documents a team lead decides for the company. An expense up to {@code expenseWon}, a leave of up to
 * {@code leaveDays} days and a trip of up to {@code tripDays} days end with the team lead; the org chart's default
 * line (lead, then department head) is cut after the lead. Anything larger, and every GENERAL document, goes the whole
 * line. A limit of 0 switches its form's rule off. Only the default line is cut: approvers the drafter names are the
 * drafter's choice. A line without a team lead on it (the drafter is the lead, or the team has none) is not cut either.
 * (전결 as a decision, a lead or head approving finally at their step on a longer line, is processing's.)
 */
public final class LeadAuthority {

    public static final String TEAM_LEAD = "TEAM_LEAD";

    /** The largest document each form lets a team lead decide; 0: none. */
    public record Limits(long expenseWon, double leaveDays, int tripDays) {
    }

    /**
     * A rule that cut a line: the form, the limit it allows and in what (WON or DAYS), the size of this document,
     * who decides for the company and whom the line leaves out.
     */
    public record Ruling(String form, String position, double limit, String unit, double size, Person decidedBy,
                         List<Person> skipped) {
    }

    /** The line a document goes, and the ruling that cut it (null when it goes the whole way). */
    public record Line(List<Person> approvers, Ruling ruling) {
    }

    private final Limits limits;

    public LeadAuthority(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * @param line the org chart's default line, in order
     * @param leave the leave's days as counted for the ledger (LEAVE only), else null
     */
    public Line apply(String type, ExpenseRequest expense, Leave leave, TripRequest trip, List<Person> line) {
        int lead = -1;
        for (int i = 0; i < line.size(); i++) {
            if (TEAM_LEAD.equals(line.get(i).position())) {
                lead = i;
                break;
            }
        }
        if (lead < 0 || lead == line.size() - 1) {
            return new Line(line, null);
        }
        Ruling ruling = switch (type) {
            case FormRules.EXPENSE -> expense == null || expense.amount() == null ? null
                    : within(type, limits.expenseWon(), "WON", expense.amount(), line, lead);
            case LeaveRules.FORM -> leave == null ? null : within(type, limits.leaveDays(), "DAYS", leave.days(), line, lead);
            case FormRules.TRIP -> trip == null ? null : within(type, limits.tripDays(), "DAYS", FormRules.tripDays(trip), line, lead);
            default -> null;
        };
        return ruling == null ? new Line(line, null) : new Line(line.subList(0, lead + 1), ruling);
    }

    private static Ruling within(String form, double limit, String unit, double size, List<Person> line, int lead) {
        if (limit <= 0 || size > limit) {
            return null;
        }
        return new Ruling(form, TEAM_LEAD, limit, unit, size, line.get(lead), List.copyOf(line.subList(lead + 1, line.size())));
    }
}
