package com.erp.employee.domain;

import java.time.Instant;
import java.time.LocalDate;

import com.erp.routes.common.web.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A quest (퀘스트): a task a manager posts with a reward in leave days. OPEN until an employee takes it (TAKEN, theirs
 * alone; one quest at a time per employee); they report it done (SUBMITTED); the manager who posted it approves it
 * (APPROVED: the reward is earned) or sends it back with a reason (TAKEN again). The assignee may give a taken quest
 * up (OPEN again); the poster may call it off until it is reported done, not once it has been (sent back included;
 * CANCELLED). When the
 * poster has left, an administrator reviews in their place; when the assignee leaves, the quest is open again. Each
 * rule says who may act and when; anything else is refused with the reason.
 */
@Entity
@Table(name = "quest")
@NamedQuery(name = Quest.LIST, query = "select q from Quest q join fetch q.poster p join fetch p.department "
        + "left join fetch q.assignee a left join fetch a.department where (:status is null or q.status = :status) "
        + "and (:mine = false or q.posterId = :me or q.assigneeId = :me) order by q.id desc")
@NamedQuery(name = Quest.BY_ID, query = "select q from Quest q join fetch q.poster p join fetch p.department "
        + "left join fetch q.assignee a left join fetch a.department where q.id = :id")
@NamedQuery(name = Quest.IN_HAND, query = "select q.id from Quest q where q.activeAssigneeId = :employeeId")
@NamedQuery(name = Quest.OPEN_POSTED_BY, query = "select q.id from Quest q where q.posterId = :employeeId "
        + "and q.status = com.erp.employee.domain.Quest.Status.OPEN order by q.id")
public class Quest {

    public static final String LIST = "Quest.list";
    public static final String BY_ID = "Quest.byId";
    public static final String IN_HAND = "Quest.inHand";
    public static final String OPEN_POSTED_BY = "Quest.openPostedBy";

    public enum Status { OPEN, TAKEN, SUBMITTED, APPROVED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String description;

    @Column(name = "reward_half_days")
    private int rewardHalfDays;

    @Column(name = "reward_paid_half_days")
    private Integer rewardPaidHalfDays;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "poster_id")
    private long posterId;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "active_assignee_id")
    private Long activeAssigneeId;

    // read-only views of the two people, for the named queries that show a quest
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "poster_id", insertable = false, updatable = false)
    private Employee poster;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id", insertable = false, updatable = false)
    private Employee assignee;

    private String report;

    @Column(name = "reported_at")
    private Instant reportedAt;

    @Column(name = "review_note")
    private String reviewNote;

    @Column(name = "posted_at")
    private Instant postedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Quest() {
    }

    public Quest(String title, String description, int rewardHalfDays, LocalDate dueDate, long posterId, Instant at) {
        this.title = title;
        this.description = description;
        this.rewardHalfDays = rewardHalfDays;
        this.dueDate = dueDate;
        this.posterId = posterId;
        this.status = Status.OPEN;
        this.postedAt = at;
        this.updatedAt = at;
    }

    /** An employee other than the poster takes an open quest, not past its due date ({@code zone}: the company's days). */
    public void take(long employeeId, Instant at, java.time.ZoneId zone) {
        if (employeeId == posterId) {
            throw ProblemException.unprocessable("You posted this quest; someone else takes it.");
        }
        if (status != Status.OPEN) {
            throw ProblemException.conflict("The quest is " + status.name().toLowerCase() + "; only an open quest can be taken.");
        }
        if (dueDate != null && LocalDate.ofInstant(at, zone).isAfter(dueDate)) {
            throw ProblemException.conflict("The quest was due on " + dueDate + "; it can no longer be taken.");
        }
        status = Status.TAKEN;
        assigneeId = employeeId;
        activeAssigneeId = employeeId;
        updatedAt = at;
    }

    /** The assignee reports it done. */
    public void submit(long employeeId, String report, Instant at) {
        if (assigneeId == null || assigneeId != employeeId) {
            throw ProblemException.forbidden("Only the employee who took the quest reports it done.");
        }
        if (status != Status.TAKEN) {
            throw ProblemException.conflict("The quest is " + status.name().toLowerCase() + "; only a taken quest can be reported done.");
        }
        status = Status.SUBMITTED;
        this.report = report;
        reportedAt = at;
        updatedAt = at;
    }

    /**
     * The manager who posted it signs it off: the reward is earned (by the caller of this, in the same transaction).
     * {@code inPlaceOfPoster}: an administrator reviews for a poster who has left.
     */
    public void approve(long managerId, boolean inPlaceOfPoster, String note, Instant at) {
        if (!inPlaceOfPoster) {
            reviewer(managerId, "approves");
        }
        if (status != Status.SUBMITTED) {
            throw ProblemException.conflict("The quest is " + status.name().toLowerCase() + "; only one reported done can be approved.");
        }
        status = Status.APPROVED;
        activeAssigneeId = null;
        reviewNote = note;
        updatedAt = at;
    }

    /** The manager who posted it (or an administrator in place of one who left) sends the report back, with the reason. */
    public void sendBack(long managerId, boolean inPlaceOfPoster, String reason, Instant at) {
        if (!inPlaceOfPoster) {
            reviewer(managerId, "sends it back");
        }
        if (status != Status.SUBMITTED) {
            throw ProblemException.conflict("The quest is " + status.name().toLowerCase() + "; only one reported done can be sent back.");
        }
        status = Status.TAKEN;
        reviewNote = reason;
        updatedAt = at;
    }

    /** The assignee gives a taken quest up: it is open again for others, and they may take another. */
    public void giveUp(long employeeId, Instant at) {
        if (assigneeId == null || assigneeId != employeeId) {
            throw ProblemException.forbidden("Only the employee who took the quest gives it up.");
        }
        if (status != Status.TAKEN) {
            throw ProblemException.conflict("The quest is " + status.name().toLowerCase() + "; only a taken quest can be given up.");
        }
        open(at);
    }

    /** The assignee left: a quest they had in hand, reported or not, is open again for others. */
    public void release(Instant at) {
        if (status != Status.TAKEN && status != Status.SUBMITTED) {
            throw new IllegalStateException("quest " + id + " is " + status + ", not in anyone's hand");
        }
        open(at);
    }

    private void open(Instant at) {
        status = Status.OPEN;
        assigneeId = null;
        activeAssigneeId = null;
        report = null;
        reportedAt = null;
        reviewNote = null;
        updatedAt = at;
    }

    /**
     * The poster calls the quest off while nobody has reported it done (open or taken: the assignee is free again); a
     * reported one waits for the poster's review, and stays reported when sent back (the work was done, and is paid
     * or improved, not called off). An administrator may call off any quest not finished, e.g. one whose poster has
     * left.
     */
    public void cancel(long actorId, boolean admin, Instant at) {
        if (!admin) {
            reviewer(actorId, "cancels it");
        }
        boolean open = status == Status.OPEN || status == Status.TAKEN || (admin && status == Status.SUBMITTED);
        if (!open) {
            throw ProblemException.conflict("The quest is " + status.name().toLowerCase() + "; it can no longer be cancelled"
                    + (status == Status.SUBMITTED ? " (it waits for the review of the manager who posted it)." : "."));
        }
        if (!admin && reportedAt != null) {
            throw ProblemException.conflict("The quest was reported done (and sent back); it is approved or sent back "
                    + "again, not called off: the employee may give it up, or an administrator calls it off.");
        }
        status = Status.CANCELLED;
        activeAssigneeId = null;
        updatedAt = at;
    }

    private void reviewer(long managerId, String what) {
        if (managerId != posterId) {
            throw ProblemException.forbidden("Only the manager who posted the quest " + what + ".");
        }
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public int getRewardHalfDays() {
        return rewardHalfDays;
    }

    /** What its approval paid (null until approved): the reward, or less at the yearly limit ({@link #payable}). */
    public Integer getRewardPaidHalfDays() {
        return rewardPaidHalfDays;
    }

    /** Records what the approval paid (by the caller of {@link #approve}, in the same transaction). */
    public void paid(int halfDays) {
        if (status != Status.APPROVED) {
            throw new IllegalStateException("only an approved quest pays");
        }
        rewardPaidHalfDays = halfDays;
    }

    /**
     * What a reward pays someone who earned {@code earnedHalfDays} by quests this year already, under a yearly limit of
     * {@code limitHalfDays}: all of it, what is left below the limit, or nothing. Quests are a bonus, not a way
     * round the leave policy: the limit keeps one person's year of them bounded.
     */
    public static int payable(int rewardHalfDays, int earnedHalfDays, int limitHalfDays) {
        return Math.max(0, Math.min(rewardHalfDays, limitHalfDays - earnedHalfDays));
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Status getStatus() {
        return status;
    }

    public long getPosterId() {
        return posterId;
    }

    public Employee getPoster() {
        return poster;
    }

    public Employee getAssignee() {
        return assignee;
    }

    public Long getAssigneeId() {
        return assigneeId;
    }

    public String getReport() {
        return report;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
