package com.erp.employee.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.erp.employee.domain.AnnualLeave;
import com.erp.employee.domain.LeaveAccount;
import com.erp.employee.domain.LeaveEntry;
import com.erp.employee.domain.LeaveEntry.Kind;
import com.erp.employee.domain.Quest;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.kafka.InvalidEventException;
import com.erp.routes.common.web.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leave ledger's changes (bean {@code leaveLedger}), each one transaction that first locks the employee's
 * account for the year (created with the year's allowance on first use), so reservations of one person never
 * overlap. Every change is an entry; at most one entry of each kind per document (checked under the lock, and by
 * a unique key), so a redelivered event changes nothing and gets the same answer.
 */
public class LeaveLedger {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LeaveLedger.class);

    private final EntityManager em;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int annualDays;
    private final CompanyDays days;
    private final java.time.Duration settleWait;

    /**
     * @param annualDays the company's days a year: what a year's account starts with, in proportion in the year of the
     *                   hire date, and no fewer than the law's by the years of service ({@link AnnualLeave})
     * @param days       the company's working days, in which leave is counted (as approval-request counts it)
     * @param settleWait how long a refusal that the end of another leave document of the drafter's could lift waits
     *                   for that end to be settled here ({@link #reserve})
     */
    public LeaveLedger(EntityManager em, TransactionTemplate tx, Clock clock, int annualDays, CompanyDays days,
                       java.time.Duration settleWait) {
        this.em = em;
        // every read sees what is committed: a read after taking the account's lock sees what the lock's last holder
        // wrote (under REPEATABLE READ it would see the snapshot of the transaction's first read)
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.annualDays = annualDays;
        this.days = days;
        this.settleWait = settleWait;
    }

    /** Whether the event submits a leave document. */
    public boolean isLeave(ApprovalEvent event) {
        return event.payload() instanceof EventPayload.Submitted s && LeaveRules.FORM.equals(s.documentType());
    }

    /**
     * A leave document was submitted: its days are reserved if the drafter has that many left, else refused. Returns
     * the event that says which ({@code approval.leave-reserved} / {@code approval.leave-refused}), the same one however
     * often the submission is delivered (its id and time come from the entry); null once the document has ended and its
     * days are settled (a replay must not start it again). A resubmission (재기안) first frees what the document it
     * resubmits still holds.
     * <p>
     * A refusal that another leave document of the drafter's on its way could lift (it holds some of these days, or
     * days without which these would fit) waits up to {@code settleWait} for that one's end to be settled, trying again
     * every {@value #SETTLE_POLL_MS} ms: its end (withdrawn, rejected) comes on other topics, to another consumer, and
     * may not have been settled yet (that consumer lags, or the service was down while the drafter withdrew one leave
     * and asked for the same days again). Such a refusal only comes that much later, and meanwhile the consumer of
     * submissions waits: rare (two leaves of one person on their way that do not fit together), and once a minute per
     * person at most. An approved leave in the way does not wait: its cancellation is rarer, and would make every
     * clash with one, and nearly every "not enough left", wait.
     */
    public ApprovalEvent reserve(ApprovalEvent submitted) {
        long drafterId = ((EventPayload.Submitted) submitted.payload()).drafterId();
        long deadline = System.nanoTime() + settleWait.toNanos();
        boolean waiting = false;
        while (true) {
            // asked only of a refusal that could wait: the first time whether the drafter's may wait now at all
            boolean began = waiting;
            Attempt attempt = reserve(submitted, () -> began ? System.nanoTime() - deadline < 0 : mayWait(drafterId));
            if (!attempt.waiting()) {
                return attempt.answer();
            }
            waiting = true;
            try {
                Thread.sleep(SETTLE_POLL_MS);
            } catch (InterruptedException e) {
                // stopping: no refusal is given (it would be for good), the submission is consumed again
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while leave document " + submitted.approvalId()
                        + " waited for another's end to be settled", e);
            }
        }
    }

    private static final long SETTLE_POLL_MS = 200;
    /**
     * The drafters whose refusal began to wait within the last minute: once a minute per person, since the consumer of
     * every submission waits with it (one person's many leaves for the same days would hold up everyone's for minutes).
     */
    private final com.github.benmanes.caffeine.cache.Cache<Long, Boolean> waited = com.github.benmanes.caffeine.cache
            .Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofMinutes(1)).maximumSize(10_000).build();
    private final java.util.concurrent.atomic.AtomicLong waits = new java.util.concurrent.atomic.AtomicLong();

    /** Whether the drafter's refusal may wait now; if so, it counts as their wait of the minute. */
    private boolean mayWait(long drafterId) {
        if (waited.asMap().putIfAbsent(drafterId, Boolean.TRUE) != null) {
            return false;
        }
        waits.incrementAndGet();
        return true;
    }

    /** How many refusals began to wait for another document's end, since the start. */
    public long settleWaits() {
        return waits.get();
    }

    /** A reservation's answer, or none yet: its refusal waits ({@code waiting}). */
    private record Attempt(ApprovalEvent answer, boolean waiting) {
        static final Attempt WAIT = new Attempt(null, true);
    }

    /** @param mayWait whether a refusal that another document of the drafter's could lift waits (asked only then) */
    private Attempt reserve(ApprovalEvent submitted, java.util.function.BooleanSupplier mayWait) {
        EventPayload.Submitted s = (EventPayload.Submitted) submitted.payload();
        Leave leave = s.leave();
        if (leave == null) {
            throw new InvalidEventException("leave document " + submitted.approvalId() + " says nothing about the leave");
        }
        // a leave no calendar could make sense of (no such kind, dates that are not dates or in the wrong order) is a
        // dead letter; one that only falls on no working day in this calendar is an answer (below)
        Optional<String> malformed = LeaveRules.malformed(leave.kind(), leave.startDate(), leave.endDate());
        if (malformed.isPresent()) {
            throw new InvalidEventException("leave document " + submitted.approvalId() + ": " + malformed.get());
        }
        // the ledger's own count: the same as the document's while both services read the same holidays; if a new
        // list reached one of them first, the ledger's decides (a count that differs is no reason to drop the document,
        // nor one that falls to nothing: the document is refused, saying why)
        Optional<String> noWorkingDay = LeaveRules.violation(leave.kind(), leave.startDate(), leave.endDate(), days);
        int requested = noWorkingDay.isPresent() ? 0
                : LeaveRules.leave(leave.kind(), leave.startDate(), leave.endDate(), days).halfDays();
        if (requested != leave.halfDays()) {
            LOG.warn("leave document {} counts {} half days, the ledger {}: erp.working-time differs between the services",
                    submitted.approvalId(), leave.halfDays(), requested);
        }
        LocalDate start = LocalDate.parse(leave.startDate());
        LocalDate end = LocalDate.parse(leave.endDate());
        return tx.execute(status -> {
            if (settled(entriesOf(submitted.approvalId()))) {
                // delivered again (a replay) after the document ended: nothing to start, nothing to hold
                return new Attempt(null, false);
            }
            if (s.resubmissionOf() != null) {
                // the document it resubmits ended (rejected or withdrawn) before it could be resubmitted: what that one
                // held is free now, even if its own release is still on its way (which then finds it settled)
                settleLocked(s.resubmissionOf(), Kind.RELEASED, "resubmitted as " + submitted.approvalId(),
                        s.drafterId());
            }
            if (s.cancelledLeaves() != null) {
                // leaves of the drafter's cancelled before this was asked for: their days are free now, even if the
                // cancellation is still on its way (which then finds it done)
                for (com.erp.routes.common.events.CancelledLeave cancelled : s.cancelledLeaves()) {
                    cancelLocked(cancelled.approvalId(), cancellationNote(cancelled.reason()), s.drafterId());
                }
            }
            LocalDate hiredOn = hiredOnLocked(s.drafterId());
            LeaveAccount account = lockedAccount(s.drafterId(), start.getYear(), hiredOn);
            List<LeaveEntry> entries = entriesOf(submitted.approvalId());
            if (settled(entries)) {
                // again under the lock: a withdrawal settled it while this waited for the lock
                return new Attempt(null, false);
            }
            LeaveEntry entry = entries.stream()
                    .filter(e -> e.getKind() == Kind.RESERVED || e.getKind() == Kind.REFUSED).findFirst().orElse(null);
            if (entry == null) {
                String refusal = noWorkingDay.orElse(AnnualLeave.beforeHire(hiredOn, start));
                // under the account's lock: two leaves of one person for the same days cannot both find the other absent
                LeaveEntry clash = heldOverlapping(s.drafterId(), submitted.approvalId(), leave.kind(), start, end);
                boolean held = refusal == null && clash == null && account.reserve(requested);
                if (!held && refusal == null && (clash != null ? clash.getKind() == Kind.RESERVED
                        // what the drafter's other documents on their way hold (this one holds nothing yet)
                        : account.getReserved() > 0 && account.available() + account.getReserved() >= requested)
                        && mayWait.getAsBoolean()) {
                    // another document of theirs on its way stands in the way: its end may be on its way here too
                    return Attempt.WAIT;
                }
                String note = held ? null : refusal != null ? refusal : clash != null
                        ? String.format("Already on leave then: '%s' (%s to %s) holds %s.", clash.getTitle(),
                                clash.getStartDate(), clash.getEndDate(), clash.getStartDate().equals(clash.getEndDate())
                                        ? "that day" : "those days")
                        : String.format("Not enough annual leave: this asks for %s, %s left of %d's %s.",
                        LeaveRules.days(requested), LeaveRules.days(account.available()), account.getYear(),
                        LeaveRules.days(account.getGranted()));
                entry = LeaveEntry.ofDocument(account, held ? Kind.RESERVED : Kind.REFUSED, requested,
                        submitted.approvalId(), s.title(), leave.kind(), start, end, note, now());
                em.persist(entry);
            }
            return new Attempt(answer(submitted, s, entry), false);
        });
    }

    /**
     * Another leave document of the employee that holds (on its way or approved: its last entry RESERVED or DEDUCTED)
     * a working day, or the same half of one, this leave asks for; null if none does.
     */
    private LeaveEntry heldOverlapping(long employeeId, String approvalId, String kind, LocalDate start, LocalDate end) {
        return lastEntries(employeeId, start, end).stream()
                .filter(e -> !e.getApprovalId().equals(approvalId))
                .filter(e -> e.getKind() == Kind.RESERVED || e.getKind() == Kind.DEDUCTED)
                .filter(e -> LeaveRules.overlaps(kind, start, end, e.getLeaveKind(), e.getStartDate(), e.getEndDate(), days))
                .findFirst().orElse(null);
    }

    /**
     * Whether the employee has an approved leave (its last entry DEDUCTED) of the whole of {@code date}: a half day
     * leaves the other half to work. Joins the caller's transaction.
     */
    public boolean onLeaveAllDay(long employeeId, LocalDate date) {
        return daysOnLeaveAllDay(employeeId, date, date).contains(date);
    }

    /** The dates from {@code first} to {@code last} that are {@linkplain #onLeaveAllDay whole days of approved leave}. */
    public java.util.Set<LocalDate> daysOnLeaveAllDay(long employeeId, LocalDate first, LocalDate last) {
        List<LeaveEntry> approved = lastEntries(employeeId, first, last).stream()
                .filter(e -> e.getKind() == Kind.DEDUCTED).toList();
        java.util.Set<LocalDate> days = new java.util.HashSet<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            LocalDate d = date;
            java.util.Set<String> kinds = approved.stream()
                    .filter(e -> !d.isBefore(e.getStartDate()) && !d.isAfter(e.getEndDate()))
                    .map(LeaveEntry::getLeaveKind).collect(java.util.stream.Collectors.toSet());
            // a morning and an afternoon off, on two documents, are the whole day off too
            if (kinds.contains(LeaveRules.Kind.ANNUAL.name()) || kinds.contains(LeaveRules.Kind.HALF_DAY_AM.name())
                    && kinds.contains(LeaveRules.Kind.HALF_DAY_PM.name())) {
                days.add(d);
            }
        }
        return days;
    }

    /** The leave an approved document uses (its DEDUCTED entry: who, which days), unless it is none or was cancelled. */
    public java.util.Optional<LeaveEntry> approvedLeave(String approvalId) {
        List<LeaveEntry> entries = entriesOf(approvalId);
        return entries.stream().anyMatch(e -> e.getKind() == Kind.CANCELLED) ? java.util.Optional.empty()
                : entries.stream().filter(e -> e.getKind() == Kind.DEDUCTED).findFirst();
    }

    /** The last entry of each of the employee's leave documents whose days meet {@code first}..{@code last}. */
    private java.util.Collection<LeaveEntry> lastEntries(long employeeId, LocalDate first, LocalDate last) {
        Map<String, LeaveEntry> latest = new LinkedHashMap<>();
        em.createNamedQuery(LeaveEntry.CALENDAR, LeaveEntry.class).setParameter("first", first).setParameter("last", last)
                .setParameter("employeeIds", List.of(employeeId)).getResultList()
                .forEach(e -> latest.merge(e.getApprovalId(), e, (a, b) -> a.getId() > b.getId() ? a : b));
        return latest.values();
    }

    private ApprovalEvent answer(ApprovalEvent submitted, EventPayload.Submitted s, LeaveEntry entry) {
        double available = entry.getAvailableAfter() / 2.0;
        if (entry.getKind() == Kind.RESERVED) {
            return event(submitted.approvalId(), entry, 0, new EventPayload.LeaveReserved(s.drafterId(), s.title(), s, available));
        }
        // the document's only and final state change: no snapshot of processing may follow it
        return event(submitted.approvalId(), entry, ApprovalEvent.FINAL_SEQUENCE, new EventPayload.LeaveRefused(s.drafterId(), s.title(), s.drafter(),
                s.leave(), available, entry.getNote(), Progress.rejectedBeforeAnyone(s.line())));
    }

    private static ApprovalEvent event(String approvalId, LeaveEntry entry, long sequence, EventPayload payload) {
        String id = UUID.nameUUIDFromBytes((approvalId + "/" + entry.getKind()).getBytes(StandardCharsets.UTF_8)).toString();
        return new ApprovalEvent(id, com.erp.routes.common.events.EventType.of(payload).id(), ApprovalEvent.SCHEMA_VERSION,
                entry.getCreatedAt(), approvalId, sequence, payload);
    }

    /**
     * A document ended: approved, its reserved days are used; rejected or withdrawn, they are free again. Nothing
     * happens for a document that holds no days (another form, a refused leave) or was settled already. An approved
     * leave cancelled (휴가 취소): what it used is free again ({@link #cancelLocked}).
     */
    public void settle(ApprovalEvent event) {
        if (event.payload() instanceof EventPayload.LeaveCancelled cancelled) {
            tx.executeWithoutResult(status -> cancelLocked(event.approvalId(), cancellationNote(cancelled.reason()), null));
            return;
        }
        Kind next;
        if (event.payload() instanceof EventPayload.Completed) {
            next = Kind.DEDUCTED;
        } else if (event.payload() instanceof EventPayload.Rejected || event.payload() instanceof EventPayload.Withdrawn
                || event.payload() instanceof EventPayload.Refused) {
            next = Kind.RELEASED;
        } else {
            return;
        }
        tx.executeWithoutResult(status -> settleLocked(event.approvalId(), next, null, null));
    }

    /**
     * Settles what a document holds, under its account's lock; nothing if it holds nothing or was settled.
     *
     * @param onlyOf the employee whose document it must be (a resubmission frees only its drafter's); null: anyone's
     */
    private void settleLocked(String approvalId, Kind next, String note, Long onlyOf) {
        LeaveEntry reserved = entriesOf(approvalId).stream().filter(e -> e.getKind() == Kind.RESERVED).findFirst().orElse(null);
        if (reserved == null) {
            return;
        }
        if (onlyOf != null && !onlyOf.equals(reserved.getEmployeeId())) {
            // approval-request lets only the drafter resubmit; should that ever fail, another's days stay held
            LOG.warn("{} ({}) is not employee {}'s leave: not released for their resubmission", approvalId,
                    reserved.getEmployeeId(), onlyOf);
            return;
        }
        LeaveAccount account = lockedAccount(reserved.getEmployeeId(), reserved.getYear());
        // again under the lock: whoever settled it meanwhile held the lock and committed
        if (settled(entriesOf(approvalId))) {
            return;
        }
        if (next == Kind.DEDUCTED) {
            account.deduct(reserved.getHalfDays());
        } else {
            account.release(reserved.getHalfDays());
        }
        // the unique key (document, kind) backs the lock up: a second settlement cannot be stored
        em.persist(reserved.follow(account, next, note, now()));
    }

    /** The note of a leave's entry that its cancellation wrote. */
    static final String CANCELLATION = "휴가 취소";

    private static String cancellationNote(String reason) {
        return reason == null ? CANCELLATION : CANCELLATION + ": " + reason;
    }

    /**
     * 휴가 취소: what the approved leave used is free again (a CANCELLED entry), once. Its approval may not be recorded
     * here yet (the completion comes on another topic, and may come later): then what it holds is released, and the
     * completion, when it comes, finds it settled.
     */
    private void cancelLocked(String approvalId, String note, Long onlyOf) {
        LeaveEntry reserved = entriesOf(approvalId).stream().filter(e -> e.getKind() == Kind.RESERVED).findFirst().orElse(null);
        if (reserved == null) {
            return; // nothing was ever held for it (it is no leave document of this ledger's)
        }
        if (onlyOf != null && !onlyOf.equals(reserved.getEmployeeId())) {
            // a submission names only its drafter's cancelled leaves; should that ever fail, another's stay as they are
            LOG.warn("{} ({}) is not employee {}'s leave: not cancelled for their new leave", approvalId,
                    reserved.getEmployeeId(), onlyOf);
            return;
        }
        LeaveAccount account = lockedAccount(reserved.getEmployeeId(), reserved.getYear());
        // under the lock: whoever settled or cancelled it meanwhile held the lock and committed
        List<LeaveEntry> entries = entriesOf(approvalId);
        if (entries.stream().anyMatch(e -> e.getKind() == Kind.CANCELLED || e.getKind() == Kind.RELEASED)) {
            return;
        }
        LeaveEntry deducted = entries.stream().filter(e -> e.getKind() == Kind.DEDUCTED).findFirst().orElse(null);
        if (deducted == null) {
            account.release(reserved.getHalfDays());
            em.persist(reserved.follow(account, Kind.RELEASED, note, now()));
            return;
        }
        account.restore(deducted.getHalfDays());
        em.persist(deducted.follow(account, Kind.CANCELLED, note, now()));
    }

    private static boolean settled(List<LeaveEntry> entries) {
        return entries.stream().anyMatch(e -> e.getKind() == Kind.DEDUCTED || e.getKind() == Kind.RELEASED);
    }

    /** An administrator adds days to an employee's year; returns the account after it. */
    public LeaveAccount grant(long employeeId, int year, int halfDays, String reason, long actorId) {
        return tx.execute(status -> credit(lockedAccount(employeeId, year), halfDays,
                account -> LeaveEntry.granted(account, halfDays, reason, actorId, now())));
    }

    /**
     * A quest's reward for the employee who did it, in the year it is signed off, as far as their quest rewards of that
     * year stay within {@code limitHalfDays} ({@link Quest#payable}); returns the half days paid (0: nothing is
     * written). Joins the caller's transaction, so the quest's approval and its reward are stored together; a quest pays
     * once (a unique key). The account's lock makes the sum and the payment one step.
     */
    public int earn(long employeeId, int year, int halfDays, int limitHalfDays, long questId, String questTitle,
                    long actorId) {
        return tx.execute(status -> {
            LeaveAccount account = lockedAccount(employeeId, year);
            long earned = em.createNamedQuery(LeaveEntry.QUEST_REWARDS, Long.class).setParameter("employeeId", employeeId)
                    .setParameter("year", year).getSingleResult();
            int paid = Quest.payable(halfDays, (int) earned, limitHalfDays);
            if (paid > 0) {
                account.grant(paid);
                em.persist(LeaveEntry.earned(account, paid, questId, questTitle, actorId, now()));
            }
            return paid;
        });
    }

    /**
     * A leave day earned by days of attendance; joins the caller's transaction, which holds the person's lock
     * ({@link #lockPerson}), so two check-ins of one person cannot both find the count unpaid: its unique key spans the
     * years, the accounts' locks do not (two check-ins either side of New Year's midnight). Once per count: false, and
     * nothing earned, when that count was paid already (e.g. attendance corrected, or the rule's number changed).
     */
    public boolean earnByAttendance(long employeeId, int year, int halfDays, int attendanceDays) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            LeaveAccount account = lockedAccount(employeeId, year);
            long paid = em.createNamedQuery(LeaveEntry.PAID_FOR_ATTENDANCE, Long.class).setParameter("employeeId", employeeId)
                    .setParameter("attendanceDays", attendanceDays).getSingleResult();
            if (paid > 0) {
                return false;
            }
            credit(account, halfDays, a -> LeaveEntry.earnedByAttendance(a, halfDays, attendanceDays, now()));
            return true;
        }));
    }

    /** Adds days to the locked account, and the entry that says why (made from the account after the change). */
    private LeaveAccount credit(LeaveAccount account, int halfDays, Function<LeaveAccount, LeaveEntry> entry) {
        account.grant(halfDays);
        em.persist(entry.apply(account));
        return account;
    }

    /**
     * The account, locked until the transaction ends; made with the year's allowance if it does not exist yet. The
     * employee's row is share-locked first, so a hire date corrected meanwhile ({@link #rehired}, which holds it
     * exclusively) is either seen here or sees this account: never one opened by the old date after the correction.
     */
    private LeaveAccount lockedAccount(long employeeId, int year) {
        return lockedAccount(employeeId, year, hiredOnLocked(employeeId));
    }

    /** {@link #lockedAccount(long, int)} with the hire date its caller read already (under the same lock). */
    private LeaveAccount lockedAccount(long employeeId, int year, LocalDate hiredOn) {
        int allowance = AnnualLeave.halfDays(annualDays, hiredOn, year);
        // a concurrent first use of the same year cannot make two: the unique key makes the second insert do nothing
        // (on duplicate key update: locks an existing row exclusively at once; insert ignore would take a shared lock, and
        // two holders of it then deadlock on the select for update)
        em.createNativeQuery("insert into leave_account (employee_id, leave_year, granted_half_days, allowance_half_days) "
                        + "values (?1, ?2, ?3, ?3) on duplicate key update version = version")
                .setParameter(1, employeeId).setParameter(2, year).setParameter(3, allowance)
                .executeUpdate();
        return em.createNamedQuery(LeaveAccount.OF, LeaveAccount.class)
                .setParameter("employeeId", employeeId).setParameter("year", year)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }

    /**
     * 입사일 정정: the hire date corrected from {@code before} to {@code after}. Every year already opened gets the
     * difference between what the new date gives and what it was opened with (the flat allowance for one opened before
     * that was kept), as an entry that says why; refused (409) when a leave on its way or approved starts before the new
     * date, or a year would be left with fewer days than its leave holds. Joins the caller's transaction, which holds the
     * employee's row (so no account is opened meanwhile by the old date: {@link #lockedAccount}).
     */
    public void rehired(long employeeId, LocalDate before, LocalDate after, long actorId) {
        tx.executeWithoutResult(status -> {
            List<LeaveAccount> accounts = em.createQuery("select a from LeaveAccount a where a.employeeId = :employeeId "
                            + "order by a.year", LeaveAccount.class).setParameter("employeeId", employeeId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            lastEntries(employeeId, LocalDate.of(1, 1, 1), after.minusDays(1)).stream()
                    .filter(e -> e.getKind() == Kind.RESERVED || e.getKind() == Kind.DEDUCTED).findFirst()
                    .ifPresent(e -> {
                        throw ProblemException.conflict("The leave '" + e.getTitle() + "' (" + e.getStartDate()
                                + ") starts before " + after + ": the hire date cannot be later than it.");
                    });
            for (LeaveAccount account : accounts) {
                int allowance = AnnualLeave.halfDays(annualDays, after, account.getYear());
                int difference = allowance - account.allowanceOr(2 * annualDays);
                if (difference == 0) {
                    continue;
                }
                if (account.available() + difference < 0) {
                    throw ProblemException.conflict(String.format("With the hire date %s, %d's allowance leaves fewer "
                            + "days than its leave holds (%s available, %s fewer).", after, account.getYear(),
                            LeaveRules.days(account.available()), LeaveRules.days(-difference)));
                }
                account.reallow(allowance, difference);
                em.persist(LeaveEntry.granted(account, difference, "입사일 정정: " + before + " → " + after, actorId, now()));
            }
        });
    }

    /** What the employee's account of the year starts with, in half days ({@link AnnualLeave}). */
    public int allowance(long employeeId, int year) {
        return AnnualLeave.halfDays(annualDays, hiredOn(employeeId), year);
    }

    /**
     * Takes the person's lock (their employee row, for update) in the caller's transaction: what changes their attendance
     * count and what it pays takes it first, so that such changes of one person run one after another, and always in
     * the same order of locks (the person, then their days, then their accounts).
     */
    public void lockPerson(long employeeId) {
        em.createNativeQuery("select id from employee where id = ?1 for update").setParameter(1, employeeId)
                .getResultList();
    }

    /** The hire date, its row share-locked until the transaction ends. */
    private LocalDate hiredOnLocked(long employeeId) {
        Object day = em.createNativeQuery("select hired_on from employee where id = ?1 lock in share mode")
                .setParameter(1, employeeId).getSingleResult();
        return day instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) day;
    }

    private LocalDate hiredOn(long employeeId) {
        return em.createQuery("select e.hiredOn from Employee e where e.id = :id", LocalDate.class)
                .setParameter("id", employeeId).getSingleResult();
    }

    private List<LeaveEntry> entriesOf(String approvalId) {
        return em.createNamedQuery(LeaveEntry.OF_APPROVAL, LeaveEntry.class).setParameter("approvalId", approvalId)
                .getResultList();
    }

    private Instant now() {
        // as the database keeps it, so an answer made again from the stored entry is the same
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
