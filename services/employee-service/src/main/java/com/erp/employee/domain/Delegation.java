package com.erp.employee.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;

/**
 * 대결: while {@code approverId} is away, from {@code startDate} to {@code endDate} (both included), {@code deputyId}
 * decides for them. At most one per approver (its id is the approver's); ending it removes it.
 */
@Entity
@NamedQuery(name = Delegation.BY_DEPUTY, query = "select d from Delegation d where d.deputyId = :deputyId "
        + "and d.endDate >= :today order by d.startDate")
public class Delegation {

    public static final String BY_DEPUTY = "Delegation.byDeputy";
    /** The end of a succession (인수): the decisions of someone who left go to their successor for good. */
    public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    @Id
    @Column(name = "approver_id")
    private Long approverId;

    @Column(name = "deputy_id")
    private long deputyId;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    private String reason;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Delegation() {
    }

    public Delegation(long approverId, long deputyId, LocalDate startDate, LocalDate endDate, String reason,
                      Instant updatedAt) {
        this.approverId = approverId;
        change(deputyId, startDate, endDate, reason, updatedAt);
    }

    public final void change(long deputyId, LocalDate startDate, LocalDate endDate, String reason, Instant updatedAt) {
        this.deputyId = deputyId;
        this.startDate = startDate;
        this.endDate = endDate;
        this.reason = reason;
        this.updatedAt = updatedAt;
    }

    /** Whether some day from {@code start} to {@code end} is also one of this delegation's. */
    public boolean overlaps(LocalDate start, LocalDate end) {
        return !start.isAfter(endDate) && !end.isBefore(startDate);
    }

    public long getApproverId() {
        return approverId;
    }

    public long getDeputyId() {
        return deputyId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getReason() {
        return reason;
    }
}
