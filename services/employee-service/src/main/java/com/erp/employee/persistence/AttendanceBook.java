package com.erp.employee.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.erp.employee.api.AttendanceViews.AttendanceDay;
import com.erp.employee.domain.Attendance;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-in and check-out (bean {@code attendanceBook}), each one transaction. "Today" is the date in the company's
 * zone. A check-in on a day off or on one's own approved leave is kept but not counted ({@link Attendance#notCounted}),
 * also when the leave is approved after the check-in ({@link #leaveSettled});
 * the one that makes the {@code daysPerLeaveDay}-th counted day earns a leave day in the same transaction
 * ({@link LeaveLedger#earnByAttendance}).
 */
public class AttendanceBook {

    private final EntityManager em;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final LeaveLedger ledger;
    private final CompanyDays days;
    private final int daysPerLeaveDay;

    public AttendanceBook(EntityManager em, TransactionTemplate tx, Clock clock, ZoneId zone, LeaveLedger ledger,
                          CompanyDays days, int daysPerLeaveDay) {
        this.em = em;
        // as the ledger's, whose leave day a check-in earns in this transaction (joined: its own isolation does not
        // apply then): every read sees what is committed, so a count read after the person's lock sees a payout the
        // lock's last holder committed (under REPEATABLE READ, two check-ins at once could both find it unpaid, and
        // the second fail on the ledger's unique key)
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.zone = zone;
        this.ledger = ledger;
        this.days = days;
        this.daysPerLeaveDay = daysPerLeaveDay;
    }

    /** The caller checks in today; once a day (409 after). */
    public AttendanceDay checkIn(Caller caller) {
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        return tx.execute(status -> {
            // the person's lock: a leave of today approved meanwhile uncounts this day only after this commits, or
            // this finds it approved (leaveApproved takes the lock too)
            ledger.lockPerson(caller.id());
            List<Attendance> found = ofDay(caller.id(), today);
            if (!found.isEmpty()) {
                throw alreadyIn(found.get(0));
            }
            String notCounted = Attendance.notCounted(today, days, days.isWorkingDay(today)
                    && ledger.onLeaveAllDay(caller.id(), today));
            Attendance day = new Attendance(caller.id(), today, now, notCounted == null);
            try {
                // (the insert runs at once: the id is the database's)
                em.persist(day);
                em.flush();
            } catch (PersistenceException e) {
                // the same person checking in twice at the same moment: the day's unique key lets one in
                throw ProblemException.conflict("You checked in already today.");
            }
            long counted = em.createNamedQuery(Attendance.COUNT, Long.class).setParameter("employeeId", caller.id())
                    .getSingleResult();
            double earned = 0;
            if (notCounted == null && Attendance.earnsLeaveDay(counted, daysPerLeaveDay)
                    && ledger.earnByAttendance(caller.id(), today.getYear(), 2, (int) counted)) {
                earned = 1;
            }
            return view(day, counted, earned, notCounted);
        });
    }

    /**
     * A leave document settled, after the ledger settled it: approved, the check-ins on its days that are days of leave
     * now no longer count; cancelled (휴가 취소) after it began, they count after all. Nothing for other events, nor
     * again for the same event.
     */
    public void leaveSettled(ApprovalEvent event) {
        if (event.payload() instanceof EventPayload.LeaveCancelled cancelled && cancelled.leave() != null) {
            leaveCancelled(cancelled);
        } else if (event.payload() instanceof EventPayload.Completed) {
            leaveApproved(event.approvalId());
        }
    }

    /**
     * A leave approved: a check-in on one of its working days made while it waited for approval counted (it was no
     * leave yet), and would have stayed counted, while one made after the approval does not: the count must not depend
     * on which came first. Such days count no more (with this half day and the other approved before, a whole day of
     * leave too). A leave day the count earned meanwhile stays paid: the count's number is paid once (the ledger's
     * unique key), so the next time the count reaches it pays nothing.
     */
    private void leaveApproved(String approvalId) {
        tx.executeWithoutResult(status -> ledger.approvedLeave(approvalId).ifPresent(leave -> {
            long employeeId = leave.getEmployeeId();
            List<Attendance> checkedIn = daysLocked(employeeId, leave.getStartDate(), leave.getEndDate());
            // read under the person's lock, as a check-in reads it
            java.util.Set<LocalDate> onLeave = ledger.daysOnLeaveAllDay(employeeId, leave.getStartDate(), leave.getEndDate());
            checkedIn.stream().filter(day -> day.isCounted() && onLeave.contains(day.getDate()))
                    .forEach(Attendance::uncount);
        }));
    }

    /** The employee's check-ins from {@code from} to {@code to}, under the person's lock and their own. */
    private List<Attendance> daysLocked(long employeeId, LocalDate from, LocalDate to) {
        ledger.lockPerson(employeeId);
        return em.createNamedQuery(Attendance.IN_RANGE, Attendance.class)
                .setParameter("employeeId", employeeId).setParameter("from", from).setParameter("until", to.plusDays(1))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * 휴가 취소 of a leave that had begun (an administrator's correction: the person came to work): the check-ins on its
     * working days, kept as days of leave, count now, and each count they make a multiple of the rule's earns its leave
     * day. Again for the same cancellation, nothing more: a day counted stays so, a count earns once (the ledger's
     * unique key). Called after the ledger gave the days back, so they are no leave any more.
     */
    private void leaveCancelled(EventPayload.LeaveCancelled cancelled) {
        long employeeId = cancelled.drafterId();
        LocalDate from = LocalDate.parse(cancelled.leave().startDate());
        LocalDate to = LocalDate.parse(cancelled.leave().endDate());
        tx.executeWithoutResult(status -> {
            List<Attendance> kept = daysLocked(employeeId, from, to);
            java.util.Set<LocalDate> onLeave = ledger.daysOnLeaveAllDay(employeeId, from, to);
            int recounted = 0;
            for (Attendance day : kept) {
                if (!day.isCounted() && Attendance.notCounted(day.getDate(), days, onLeave.contains(day.getDate())) == null) {
                    day.count();
                    recounted++;
                }
            }
            if (recounted == 0) {
                return;
            }
            em.flush();
            long counted = em.createNamedQuery(Attendance.COUNT, Long.class).setParameter("employeeId", employeeId)
                    .getSingleResult();
            int year = LocalDate.ofInstant(now(), zone).getYear();
            for (long n = counted - recounted + 1; n <= counted; n++) {
                if (Attendance.earnsLeaveDay(n, daysPerLeaveDay)) {
                    ledger.earnByAttendance(employeeId, year, 2, (int) n);
                }
            }
        });
    }

    /**
     * The caller checks out of their latest day, if they checked in within the last 24 hours (a day that goes past
     * midnight is checked out the next morning) and have not checked out of it; once. Only the latest: a day left open
     * before it stays so (a check-out sent again after today's must not close yesterday's as a 22-hour day).
     */
    public AttendanceDay checkOut(Caller caller) {
        Instant now = now();
        return tx.execute(status -> {
            List<Attendance> found = em.createNamedQuery(Attendance.LATEST, Attendance.class)
                    .setParameter("employeeId", caller.id()).setParameter("since", now.minus(Duration.ofHours(24)))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(1).getResultList();
            if (found.isEmpty()) {
                throw ProblemException.conflict("You have not checked in within the last 24 hours; check in first.");
            }
            Attendance day = found.get(0);
            if (day.getCheckOut() != null) {
                throw ProblemException.conflict("You checked out already, at " + local(day.getCheckOut()) + " ("
                        + day.getDate() + ").");
            }
            day.checkOut(now);
            long counted = em.createNamedQuery(Attendance.COUNT, Long.class).setParameter("employeeId", caller.id())
                    .getSingleResult();
            // not counted on a working day: it was a day of their leave
            return view(day, counted, 0, day.isCounted() ? null : Attendance.notCounted(day.getDate(), days, true));
        });
    }

    /**
     * 퇴근 기록 정정: the caller (who may: {@link com.erp.employee.api.AttendanceViews#corrigible}) records the check-out
     * the employee forgot on {@code date}, or corrects one recorded wrong: not in the future, after the check-in and
     * within 24 hours of it (422), on a day they checked in (404). The day says who recorded it, when, why and what it
     * was before; its counting toward earned leave does not change (that is the check-in's).
     */
    public com.erp.employee.api.AttendanceViews.Day correctCheckOut(Caller caller, long employeeId, String date,
                                                                    com.erp.employee.api.CheckOutCorrectionRequest request) {
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (request == null || request.checkOut() == null || reason.isEmpty()) {
            throw ProblemException.badRequest("A correction needs the check-out and a reason.",
                    List.of(new com.erp.routes.common.web.FieldError("/reason", "is blank")));
        }
        Instant now = now();
        Instant at = request.checkOut().truncatedTo(ChronoUnit.MILLIS);
        if (at.isAfter(now)) {
            throw ProblemException.unprocessable("The check-out (" + at + ") has not come yet.");
        }
        LocalDate day = LocalDate.parse(date);
        return tx.execute(status -> {
            List<Attendance> found = em.createNamedQuery(Attendance.OF_DAY, Attendance.class)
                    .setParameter("employeeId", employeeId).setParameter("date", day)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (found.isEmpty()) {
                throw ProblemException.notFound("They did not check in on " + day + ": there is no day to correct.");
            }
            Attendance a = found.get(0);
            String before = a.getCheckOut() == null ? "not checked out" : "was " + local(a.getCheckOut());
            a.correctCheckOut(at, String.format("%s, %s %s: %s (%s)", caller.name(), LocalDate.ofInstant(now, zone),
                    local(now), reason, before));
            return com.erp.employee.api.AttendanceViews.Day.of(a);
        });
    }

    private List<Attendance> ofDay(long employeeId, LocalDate date) {
        return em.createNamedQuery(Attendance.OF_DAY, Attendance.class).setParameter("employeeId", employeeId)
                .setParameter("date", date).getResultList();
    }

    private ProblemException alreadyIn(Attendance day) {
        return ProblemException.conflict("You checked in already today, at " + local(day.getCheckIn()) + ".");
    }

    /** The time of day in the company's zone, to the minute. */
    private String local(Instant at) {
        return at.atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private AttendanceDay view(Attendance day, long attendanceDays, double earned, String notCounted) {
        return new AttendanceDay(day.getDate().toString(), day.getCheckIn(), day.getCheckOut(), day.isCounted(),
                notCounted, attendanceDays, daysPerLeaveDay - (int) (attendanceDays % daysPerLeaveDay), earned);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
