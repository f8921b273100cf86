package com.erp.routes.common.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.erp.routes.common.kafka.InvalidEventException;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 대결: who decides for an approver while they are away (topic {@code erp.topics.delegation-changed}, key = the
 * approver's id), published by employee-service from its outbox in the transaction of the change. Each event is the
 * whole of the approver's delegation after the change, so a consumer keeps the last one it read for each approver:
 * approval-processing lets the deputy decide and shows them the approver's inbox, approval-request lets them read
 * the documents waiting at the approver.
 *
 * @param deputy    who acts for the approver from {@code startDate} to {@code endDate} (both included, in the
 *                  company's calendar); null when the approver has ended their delegation
 * @param startDate ISO date; null when ended
 * @param revision  grows with every change of the approver's delegation (employee-service counts them per approver)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DelegationEvent(String eventId, int version, Instant occurredAt, Person approver, Person deputy,
                              String startDate, String endDate, String reason, long revision) {

    public static final int VERSION = 1;

    public DelegationEvent(String eventId, int version, Instant occurredAt, Person approver, Person deputy,
                           String startDate, String endDate, String reason) {
        this(eventId, version, occurredAt, approver, deputy, startDate, endDate, reason, 0);
    }

    /**
     * Throws {@link InvalidEventException} (a dead letter) for an event no consumer may keep:
     * no approver, or a deputy without two days in order. Kept, it would fail every later read of the approver's
     * delegation (their inbox, the documents waiting at them, the reminders).
     */
    public DelegationEvent checked() {
        if (approver == null) {
            throw new InvalidEventException("a delegation event without an approver");
        }
        if (deputy != null) {
            try {
                if (LocalDate.parse(endDate).isBefore(LocalDate.parse(startDate))) {
                    throw new InvalidEventException("a delegation that ends (" + endDate
                            + ") before it starts (" + startDate + ")");
                }
            } catch (DateTimeParseException | NullPointerException e) {
                throw new InvalidEventException("a delegation with a deputy needs its days as "
                        + "ISO dates; start " + startDate + ", end " + endDate);
            }
        }
        return this;
    }

    /**
     * Whether this event says something newer than {@code stored} (null: nothing stored) about the approver. Each
     * change of an approver's delegation has a higher {@code revision}, so a consumer that meets an older event again
     * (a dead letter replayed, a redelivery) keeps the newer delegation.
     */
    public boolean supersedes(DelegationEvent stored) {
        return stored == null || revision > stored.revision();
    }

    /** Whether {@code deputy} may act for the approver on {@code day}. */
    public boolean delegatesTo(long deputyId, LocalDate day) {
        return deputy != null && deputy.id() == deputyId && covers(day);
    }

    /** Whether the delegation is in force on {@code day}. */
    public boolean covers(LocalDate day) {
        return deputy != null && !day.isBefore(LocalDate.parse(startDate)) && !day.isAfter(LocalDate.parse(endDate));
    }

    /** Whether it is over by {@code day} (or was ended), so a store may forget it. */
    @JsonIgnore
    public boolean isOverBy(LocalDate day) {
        return deputy == null || day.isAfter(LocalDate.parse(endDate));
    }
}
