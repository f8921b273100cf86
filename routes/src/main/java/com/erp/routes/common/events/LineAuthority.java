package com.erp.routes.common.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 결재권한: who may end an approval line, that is decide a document for the company. A drafter may name their own
 * approvers, but the last of them must hold the authority the org chart gives the document: the last approver of the
 * drafter's default line as the 위임전결 rules cut it for the document's form and size, or someone above them on that
 * line, or an executive. Without it a colleague could approve anyone's expense or leave. A drafter the org chart gives
 * no line (a department head, an executive, someone in a department without a head) ends theirs with someone of at
 * least their own position, or an executive.
 * A line change (결재선 변경) keeps what the submission was allowed: its last approver is replaced only by someone of
 * the same or a higher position on the drafter's org-chart line, or by an executive.
 */
public final class LineAuthority {

    public static final String EXECUTIVE = "EXECUTIVE";
    /** The positions in rising order of authority; anything else ranks lowest. */
    private static final List<String> RANKS = List.of("STAFF", "TEAM_LEAD", "DEPT_HEAD", EXECUTIVE);

    private LineAuthority() {
    }

    /**
     * Why a line the drafter named cannot end with {@code last}, or empty if it can.
     *
     * @param authorities who may end it: the last approver of the org chart's line for this document, then whoever is
     *                    after them on the uncut default line; empty when the org chart gives the drafter no line, who
     *                    then ends it with someone of at least their own {@code drafterPosition} (a head with a head:
     *                    not with someone who reports to them), or an executive
     */
    public static Optional<String> namedLineViolation(List<Person> authorities, String drafterPosition, Person last) {
        if (last == null || EXECUTIVE.equals(last.position())
                || authorities.stream().anyMatch(p -> p.id() == last.id())
                || authorities.isEmpty() && rank(last) >= RANKS.indexOf(drafterPosition)) {
            return Optional.empty();
        }
        if (authorities.isEmpty()) {
            return Optional.of("The org chart gives you no approval line, so the line you name ends with someone of at "
                    + "least your own position (" + drafterPosition + ") or an executive, not with " + named(last) + ".");
        }
        return Optional.of("This document must end with the approval of " + authorities.stream()
                .map(LineAuthority::named).collect(Collectors.joining(" or ")) + " (or an executive), whom the org "
                + "chart gives the authority for it; the line you named ends with " + named(last) + ". Put the people "
                + "you add before them (a new document without approverIds goes the org chart's line).");
    }

    /**
     * Why a line change cannot put {@code after} last where {@code before} was, or empty if it can: the same person, an
     * executive, or someone of at least {@code before}'s position on the drafter's org-chart line now (their lead or
     * head; the department's new head after the old one left), not another team's lead nor another department's. A
     * drafter the org chart gives no line (a department head) keeps someone of at least {@code before}'s position in
     * their department. A line that ended with a staff member (named by such a drafter) had no authority to keep:
     * anyone may end it.
     *
     * @param drafterLine the drafter's default line now; empty or null when the org chart gives them none
     */
    public static Optional<String> changeViolation(Person before, Person after, List<Person> drafterLine) {
        if (before == null || after == null || before.id() == after.id() || EXECUTIVE.equals(after.position())
                || rank(before) <= 0) {
            return Optional.empty();
        }
        String who;
        if (drafterLine == null || drafterLine.isEmpty()) {
            if (rank(after) >= rank(before) && Objects.equals(after.department(), before.department())) {
                return Optional.empty();
            }
            who = "someone of the same or a higher position in " + before.department() + ", or an executive";
        } else {
            // who of the drafter's line may take the step: at least the position of whom they replace
            List<Person> allowed = drafterLine.stream().filter(p -> rank(p) >= rank(before)).toList();
            if (allowed.stream().anyMatch(p -> p.id() == after.id())) {
                return Optional.empty();
            }
            who = allowed.isEmpty() ? "an executive" : allowed.stream().map(LineAuthority::named)
                    .collect(Collectors.joining(" or ")) + " (of your line in the org chart, the same position or "
                    + "higher), or an executive";
        }
        return Optional.of("The last step decides the document for the company: " + named(before) + " can be replaced "
                + "there only by " + who + ", not by " + named(after) + ". Put the people you add on the steps before it.");
    }

    /**
     * Why the person {@code deciderId}, of {@code position} in {@code department}, may not approve with final authority
     * (전결), deciding the document of {@code drafter} for the company in the place of its last approver {@code last}:
     * an executive may, and so may someone on the drafter's line in the org chart ({@code drafterLine}: their lead or
     * head); another team's lead or another department's head, put on an earlier step, may not. Without the drafter's
     * line (a drafter the org chart gives none, a document submitted before it was kept), someone of the drafter's
     * department or of the last approver's may. Empty if they may; whether their position allows 전결 at all is
     * approval-processing's FinalAuthority.
     */
    public static Optional<String> finalApprovalViolation(Person drafter, List<Person> drafterLine, Person last,
                                                          long deciderId, String position, String department) {
        if (last == null || EXECUTIVE.equals(position)) {
            return Optional.empty();
        }
        if (drafterLine != null && !drafterLine.isEmpty()) {
            if (drafterLine.stream().anyMatch(p -> p.id() == deciderId)) {
                return Optional.empty();
            }
            return Optional.of("전결 decides the document for the company in the place of its last approver, "
                    + named(last) + ": only someone on the drafter's line in the org chart ("
                    + drafterLine.stream().map(LineAuthority::named).collect(Collectors.joining(", "))
                    + ") or an executive does; approve this step (APPROVE) instead.");
        }
        if (Objects.equals(department, last.department())
                || drafter != null && Objects.equals(department, drafter.department())) {
            return Optional.empty();
        }
        return Optional.of("전결 decides the document for the company in the place of its last approver, "
                + named(last) + ": only someone of the drafter's department or of theirs, or an executive, does; "
                + "approve this step (APPROVE) instead.");
    }

    /** The approver of the last step (a 합의 step is never last); null for no line. */
    public static Person lastApprover(List<LineStep> line) {
        return line == null || line.isEmpty() ? null : line.get(line.size() - 1).approver();
    }

    private static int rank(Person p) {
        return RANKS.indexOf(p.position());
    }

    private static String named(Person p) {
        return p.name() + " (" + p.position() + (p.department() == null ? "" : ", " + p.department()) + ")";
    }
}
