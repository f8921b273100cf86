package com.erp.approvalrequest.api;

import java.time.Instant;
import java.util.List;

import com.erp.approvalrequest.domain.LeadAuthority;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.Person;

/** Schema ApprovalDocument: the document with its line and history. */
public record ApprovalDocument(String id, String number, String type, String title, String body, Leave leave, String status,
                               Person drafter, Integer currentStep, List<LineStep> line, List<Person> cc, Instant submittedAt,
                               Instant updatedAt, Instant completedAt, List<HistoryEntry> history,
                               String resubmissionOf, String resubmittedAs, ExpenseRequest expense, TripRequest trip,
                               List<Receiver> receivers, List<Comment> comments, List<StandIn> standIns,
                               List<Attachment> attachments, List<Reader> readBy,
                               List<ReceivingDepartment> receivingDepartments, List<Person> escalatedTo,
                               LeadAuthority.Ruling lineRule, List<Person> drafterLine) {

    /**
     * 수신처: a department the document is sent to once approved, its head when it was submitted, and who of it
     * acknowledged it for the department (접수) and when, once someone has.
     */
    public record ReceivingDepartment(DocumentDepartment department, Person head, Person receivedBy, Instant receivedAt) {
    }

    /** Schema DocumentDepartment. */
    public record DocumentDepartment(long id, String name) {
    }

    /** 열람: someone besides the drafter who opened the document, and when they first did. */
    public record Reader(Person reader, Instant at) {
    }

    /**
     * Someone who may decide the active step today for one who must: their deputy while they are away (대결), or the
     * successor of someone who left (인수).
     */
    public record StandIn(Person approver, Person deputy) {
    }

    /** 수신: someone the document is sent to once approved, and when they acknowledged it (접수), if they have. */
    public record Receiver(Person receiver, Instant receivedAt) {
    }

    /**
     * {@code deputy}: who decided the step for its approver (대결), if a deputy did. A 합의 step has no approver but
     * {@code agreements}: each agreer and their part. {@code hold}: the active step is on hold (보류).
     */
    public record LineStep(int step, Person approver, String status, Instant decidedAt, String comment, Person deputy,
                           List<Agreement> agreements, StepHold hold) {
    }

    /** Schema StepHold: who put the active step on hold (보류), when and why. */
    public record StepHold(Instant at, String reason, Person by) {
    }

    /** Schema Agreement: one agreer's part of a 합의 step. */
    public record Agreement(Person agreer, String status, Instant decidedAt, String comment, Person deputy) {
    }

    /** {@code onBehalfOf}: the approver a deputy decided for (대결), on such a decision. */
    public record HistoryEntry(String eventId, String type, Instant at, Integer step, Person actor, String comment,
                               Person onBehalfOf) {
    }
}
