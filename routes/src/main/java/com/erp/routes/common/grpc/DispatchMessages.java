package com.erp.routes.common.grpc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.grpc.DispatchReply;
import com.erp.routes.grpc.DispatchRequest;

/**
 * The gRPC dispatch messages and the events they carry, both ways (bean-free: routes call the static
 * methods). A request is the {@code approval.submitted} event field for field, so both dispatch paths hand
 * approval-processing exactly the same thing.
 */
public final class DispatchMessages {

    private DispatchMessages() {
    }

    /** @param callerToken the drafter's bearer token, relayed: processing answers only the drafter's own calls */
    public static DispatchRequest request(ApprovalEvent submitted, String callerToken) {
        return request(submitted, callerToken, null);
    }

    /** The same, carrying the submission's trace context ({@code traceparent}; null when it has none). */
    public static DispatchRequest request(ApprovalEvent submitted, String callerToken, String traceparent) {
        EventPayload.Submitted s = (EventPayload.Submitted) submitted.payload();
        DispatchRequest.Builder b = DispatchRequest.newBuilder()
                .setApprovalId(submitted.approvalId())
                .setEventId(submitted.eventId())
                .setOccurredAtEpochMicros(micros(submitted.occurredAt()))
                .setTitle(s.title())
                .setDocumentType(s.documentType())
                .setDrafter(person(s.drafter()))
                .setSubmittedAtEpochMicros(micros(s.submittedAt()))
                .setCallerToken(callerToken == null ? "" : callerToken)
                .setTraceparent(traceparent == null ? "" : traceparent);
        for (LineStep step : s.line()) {
            com.erp.routes.grpc.LineStep.Builder l = com.erp.routes.grpc.LineStep.newBuilder().setStep(step.step());
            if (step.isAgreement()) {
                step.agreers().forEach(a -> l.addAgreers(person(a)));
            } else {
                l.setApprover(person(step.approver()));
            }
            b.addLine(l);
        }
        if (s.cc() != null) {
            s.cc().forEach(p -> b.addCc(person(p)));
        }
        if (s.drafterLine() != null) {
            s.drafterLine().forEach(p -> b.addDrafterLine(person(p)));
        }
        if (s.receivers() != null) {
            s.receivers().forEach(p -> b.addReceivers(person(p)));
        }
        if (s.receivingDepartments() != null) {
            s.receivingDepartments().forEach(d -> {
                com.erp.routes.grpc.ReceivingDepartment.Builder r = com.erp.routes.grpc.ReceivingDepartment.newBuilder()
                        .setId(d.id()).setName(nullToEmpty(d.name()));
                if (d.head() != null) {
                    r.setHead(person(d.head()));
                }
                b.addReceivingDepartments(r);
            });
        }
        return b.build();
    }

    public static ApprovalEvent event(DispatchRequest r) {
        List<LineStep> line = new ArrayList<>();
        r.getLineList().forEach(s -> line.add(s.getAgreersCount() > 0
                ? LineStep.agreement(s.getStep(), s.getAgreersList().stream().map(DispatchMessages::person).toList())
                : new LineStep(s.getStep(), s.hasApprover() ? person(s.getApprover()) : null)));
        Person drafter = person(r.getDrafter());
        return new ApprovalEvent(r.getEventId(), "approval.submitted", ApprovalEvent.SCHEMA_VERSION,
                instant(r.getOccurredAtEpochMicros()), r.getApprovalId(), 0,
                new EventPayload.Submitted(drafter.id(), r.getTitle(), drafter, r.getDocumentType(), line,
                        instant(r.getSubmittedAtEpochMicros()),
                        r.getCcCount() == 0 ? null : r.getCcList().stream().map(DispatchMessages::person).toList(),
                        null, null, r.getReceiversCount() == 0 ? null
                                : r.getReceiversList().stream().map(DispatchMessages::person).toList(),
                        r.getReceivingDepartmentsCount() == 0 ? null : r.getReceivingDepartmentsList().stream()
                                .map(d -> new ReceivingDepartment(d.getId(), d.getName(),
                                        d.hasHead() ? person(d.getHead()) : null)).toList(), null,
                        r.getDrafterLineCount() == 0 ? null
                                : r.getDrafterLineList().stream().map(DispatchMessages::person).toList()));
    }

    /** The answer: the document's state after activation (or as it already was). */
    public static DispatchReply reply(String approvalId, Progress progress, List<LineStep> line, long version,
                                      boolean created) {
        DispatchReply.Builder b = DispatchReply.newBuilder()
                .setApprovalId(approvalId)
                .setStatus(progress.status().name())
                .setStepCount(line.size())
                .setVersion(version)
                .setCreated(created);
        if (progress.currentStep() != null) {
            b.setCurrentStep(progress.currentStep());
            LineStep current = line.get(progress.currentStep() - 1);
            if (!current.isAgreement()) {
                b.setNextApprover(person(current.approver()));
            }
        }
        return b.build();
    }

    public static com.erp.routes.grpc.Person person(Person p) {
        return com.erp.routes.grpc.Person.newBuilder().setId(p.id()).setName(nullToEmpty(p.name()))
                .setPosition(nullToEmpty(p.position())).setDepartment(nullToEmpty(p.department())).build();
    }

    public static Person person(com.erp.routes.grpc.Person p) {
        return new Person(p.getId(), p.getName(), emptyToNull(p.getPosition()), emptyToNull(p.getDepartment()));
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
