package com.erp.employee.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One change to a leave account, kept for good: the ledger an employee reads. Days in half days. */
@Entity
@Table(name = "leave_entry")
@NamedQuery(name = LeaveEntry.OF_APPROVAL, query = "select e from LeaveEntry e where e.approvalId = :approvalId order by e.id")
@NamedQuery(name = LeaveEntry.OF_EMPLOYEE, query = "select e from LeaveEntry e where e.employeeId = :employeeId "
        + "and e.year = :year order by e.id desc")
@NamedQuery(name = LeaveEntry.CALENDAR, query = "select e from LeaveEntry e where e.approvalId is not null "
        + "and e.startDate <= :last and e.endDate >= :first and e.employeeId in :employeeIds order by e.startDate, e.id")
@NamedQuery(name = LeaveEntry.QUEST_REWARDS, query = "select coalesce(sum(e.halfDays), 0) from LeaveEntry e "
        + "where e.employeeId = :employeeId and e.year = :year and e.kind = com.erp.employee.domain.LeaveEntry.Kind.EARNED "
        + "and e.questId is not null")
@NamedQuery(name = LeaveEntry.PAID_FOR_ATTENDANCE, query = "select count(e) from LeaveEntry e where e.employeeId = :employeeId "
        + "and e.attendanceDays = :attendanceDays")
public class LeaveEntry {

    public static final String OF_APPROVAL = "LeaveEntry.ofApproval";
    public static final String PAID_FOR_ATTENDANCE = "LeaveEntry.paidForAttendance";
    /** The half days an employee earned by quests in a year. */
    public static final String QUEST_REWARDS = "LeaveEntry.questRewards";
    public static final String OF_EMPLOYEE = "LeaveEntry.ofEmployee";
    /** The leave documents' entries of these employees whose days meet the period {@code first}..{@code last}. */
    public static final String CALENDAR = "LeaveEntry.calendar";

    public enum Kind {
        /** A leave document holds its days. */
        RESERVED,
        /** A leave document asked for more than was left; nothing is held. */
        REFUSED,
        /** The leave was approved. */
        DEDUCTED,
        /** The leave was rejected or withdrawn (or cancelled before it was recorded approved, the note says). */
        RELEASED,
        /** The approved leave was cancelled (휴가 취소): what it used is back. */
        CANCELLED,
        /** An administrator added days. */
        GRANTED,
        /** Earned: a quest's reward, signed off by the manager who posted it, or a number of days of attendance. */
        EARNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "employee_id")
    private long employeeId;

    @Column(name = "leave_year")
    private int year;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "half_days")
    private int halfDays;

    @Column(name = "available_after_half_days")
    private int availableAfter;

    @Column(name = "approval_id")
    private String approvalId;

    private String title;

    @Column(name = "leave_kind")
    private String leaveKind;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    private String note;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "quest_id")
    private Long questId;

    @Column(name = "attendance_days")
    private Integer attendanceDays;

    @Column(name = "created_at")
    private Instant createdAt;

    protected LeaveEntry() {
    }

    private LeaveEntry(LeaveAccount account, Kind kind, int halfDays, Instant at) {
        this.employeeId = account.getEmployeeId();
        this.year = account.getYear();
        this.kind = kind;
        this.halfDays = halfDays;
        this.availableAfter = account.available();
        this.createdAt = at;
    }

    /** An entry about a leave document, made after the account changed (or did not, for REFUSED). */
    public static LeaveEntry ofDocument(LeaveAccount account, Kind kind, int halfDays, String approvalId, String title,
                                        String leaveKind, LocalDate start, LocalDate end, String note, Instant at) {
        LeaveEntry e = new LeaveEntry(account, kind, halfDays, at);
        e.approvalId = approvalId;
        e.title = title;
        e.leaveKind = leaveKind;
        e.startDate = start;
        e.endDate = end;
        e.note = fitted(note);
        return e;
    }

    /** The most characters the note column holds (varchar(500), characters in utf8mb4). */
    static final int NOTE_MAX = 500;

    /**
     * A note as the column holds it: one made of a prefix and a reason the contract allows at its longest (a leave
     * cancelled with a 500-character reason) is shortened, with an ellipsis, rather than fail the ledger's write.
     */
    static String fitted(String note) {
        if (note == null || note.codePointCount(0, note.length()) <= NOTE_MAX) {
            return note;
        }
        return note.substring(0, note.offsetByCodePoints(0, NOTE_MAX - 1)) + "…";
    }

    /** The same document's entry of another kind, e.g. DEDUCTED after RESERVED. */
    public LeaveEntry follow(LeaveAccount account, Kind next, String note, Instant at) {
        return ofDocument(account, next, halfDays, approvalId, title, leaveKind, startDate, endDate, note, at);
    }

    public static LeaveEntry granted(LeaveAccount account, int halfDays, String reason, long actorId, Instant at) {
        LeaveEntry e = new LeaveEntry(account, Kind.GRANTED, halfDays, at);
        e.note = fitted(reason);
        e.actorId = actorId;
        return e;
    }

    /** A quest's reward, earned by the employee whose account it is. */
    public static LeaveEntry earned(LeaveAccount account, int halfDays, long questId, String questTitle, long actorId,
                                    Instant at) {
        LeaveEntry e = new LeaveEntry(account, Kind.EARNED, halfDays, at);
        e.questId = questId;
        e.title = questTitle;
        e.actorId = actorId;
        return e;
    }

    /** A leave day earned by {@code attendanceDays} days of attendance. */
    public static LeaveEntry earnedByAttendance(LeaveAccount account, int halfDays, int attendanceDays, Instant at) {
        LeaveEntry e = new LeaveEntry(account, Kind.EARNED, halfDays, at);
        e.attendanceDays = attendanceDays;
        e.note = attendanceDays + " days of attendance";
        return e;
    }

    public Integer getAttendanceDays() {
        return attendanceDays;
    }

    public Long getQuestId() {
        return questId;
    }

    public Long getId() {
        return id;
    }

    public long getEmployeeId() {
        return employeeId;
    }

    public int getYear() {
        return year;
    }

    public Kind getKind() {
        return kind;
    }

    public int getHalfDays() {
        return halfDays;
    }

    public int getAvailableAfter() {
        return availableAfter;
    }

    public String getApprovalId() {
        return approvalId;
    }

    public String getTitle() {
        return title;
    }

    public String getLeaveKind() {
        return leaveKind;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getNote() {
        return note;
    }

    public Long getActorId() {
        return actorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
