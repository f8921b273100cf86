package com.erp.approvalprocessing.domain;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.ReceivingDepartment;

/**
 * What approval-processing knows of a document: enough to decide who acts now and to describe each event,
 * plus the version every change is checked against (one decision wins when two arrive together).
 *
 * @param version the sequence of the last event this state produced
 * @param cc        참조, the people told when the document starts and how it ends (null in states stored before it)
 * @param receivers 수신, the people who receive the document once it is approved (null when none, and in older states)
 * @param receivingDepartments 수신처, the departments it is sent to once approved (null when none, and in older states)
 * @param drafterLine the drafter's line in the org chart at submission, or as the last line change judged it, whose
 *                    people may approve with final authority (전결) in the last approver's place (null in older states
 *                    and when the org chart gave none at submission; empty when a line change found none)
 * @param toldAhead   the people on a step after the active one who were told of the document: by a line change
 *                    (it will come to them), or asked and then sent back (결재 취소, 전단계 반려); told how it ends if
 *                    it ends before it reaches them again (null when nobody, and in states stored before it: people
 *                    told ahead by a line change made before then are not told)
 */
public record ApprovalState(String approvalId, String title, String documentType, Person drafter, List<LineStep> line,
                            Progress progress, long version, Instant activatedAt, List<Person> cc,
                            List<Person> receivers, List<ReceivingDepartment> receivingDepartments,
                            List<Person> drafterLine, List<Person> toldAhead) {

    public ApprovalState(String approvalId, String title, String documentType, Person drafter, List<LineStep> line,
                         Progress progress, long version, Instant activatedAt, List<Person> cc, List<Person> receivers,
                         List<ReceivingDepartment> receivingDepartments, List<Person> drafterLine) {
        this(approvalId, title, documentType, drafter, line, progress, version, activatedAt, cc, receivers,
                receivingDepartments, drafterLine, null);
    }

    public ApprovalState(String approvalId, String title, String documentType, Person drafter, List<LineStep> line,
                         Progress progress, long version, Instant activatedAt, List<Person> cc, List<Person> receivers,
                         List<ReceivingDepartment> receivingDepartments) {
        this(approvalId, title, documentType, drafter, line, progress, version, activatedAt, cc, receivers,
                receivingDepartments, null);
    }

    public ApprovalState(String approvalId, String title, String documentType, Person drafter, List<LineStep> line,
                         Progress progress, long version, Instant activatedAt, List<Person> cc, List<Person> receivers) {
        this(approvalId, title, documentType, drafter, line, progress, version, activatedAt, cc, receivers, null);
    }

    public ApprovalState(String approvalId, String title, String documentType, Person drafter, List<LineStep> line,
                         Progress progress, long version, Instant activatedAt, List<Person> cc) {
        this(approvalId, title, documentType, drafter, line, progress, version, activatedAt, cc, null);
    }

    /** The people in cc as events carry them: null when there are none, so the field is left out. */
    public List<Person> ccOrNull() {
        return cc == null || cc.isEmpty() ? null : cc;
    }

    /** The receivers as events carry them: null when there are none. */
    public List<Person> receiversOrNull() {
        return receivers == null || receivers.isEmpty() ? null : receivers;
    }

    /** The receiving departments as events carry them: null when there are none. */
    public List<ReceivingDepartment> receivingDepartmentsOrNull() {
        return receivingDepartments == null || receivingDepartments.isEmpty() ? null : receivingDepartments;
    }

    /**
     * Of {@link #toldAhead}, who is still on a step after {@code step} (not reached when the document ends there): null
     * when nobody, as events carry it.
     */
    public List<Person> toldAheadAfter(int step) {
        return onStepsAfter(line, toldAhead, step);
    }

    /** Of these people, who is on a step of this line after {@code step}: null when nobody. */
    private static List<Person> onStepsAfter(List<LineStep> line, List<Person> people, int step) {
        if (people == null || people.isEmpty()) {
            return null;
        }
        List<LineStep> later = line.subList(Math.min(step, line.size()), line.size());
        List<Person> after = people.stream().filter(p -> later.stream()
                .anyMatch(s -> s.people().stream().anyMatch(x -> x.id() == p.id()))).toList();
        return after.isEmpty() ? null : after;
    }

    /**
     * This state, with {@code more} told ahead besides those told before, of whom it keeps who is on a step after
     * {@code step} (one now asked, or taken off the line, is no longer ahead).
     */
    public ApprovalState toldAhead(List<Person> more, int step) {
        List<Person> all = new java.util.ArrayList<>(toldAhead == null ? List.of() : toldAhead);
        more.stream().filter(p -> all.stream().noneMatch(x -> x.id() == p.id())).forEach(all::add);
        return new ApprovalState(approvalId, title, documentType, drafter, line, progress, version, activatedAt, cc,
                receivers, receivingDepartments, drafterLine, onStepsAfter(line, all, step));
    }

    public int stepCount() {
        return line.size();
    }

    public LineStep step(int step) {
        return line.get(step - 1);
    }

    public boolean isOnLine(long employeeId) {
        return line.stream().anyMatch(s -> s.people().stream().anyMatch(p -> p.id() == employeeId));
    }
}
