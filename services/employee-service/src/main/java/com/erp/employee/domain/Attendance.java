package com.erp.employee.domain;

import java.time.Instant;
import java.time.LocalDate;

import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.web.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One day of an employee's attendance (출퇴근): checked in once, checked out at most once, later. Every
 * {@code daysPerLeaveDay}-th day of attendance that counts earns a leave day ({@link #earnsLeaveDay}); a day the company
 * does not work, or one of the employee's own approved full days of leave, is kept but does not count
 * ({@link #notCounted}): leave is earned by working days, and a day of leave is paid already.
 */
@Entity
@Table(name = "attendance")
@NamedQuery(name = Attendance.OF_DAY, query = "select a from Attendance a where a.employeeId = :employeeId and a.date = :date")
@NamedQuery(name = Attendance.IN_RANGE, query = "select a from Attendance a where a.employeeId = :employeeId "
        + "and a.date >= :from and a.date < :until order by a.date")
@NamedQuery(name = Attendance.OF_PEOPLE, query = "select a from Attendance a where a.employeeId in :employeeIds "
        + "and a.date >= :from and a.date < :until order by a.date")
@NamedQuery(name = Attendance.COUNT, query = "select count(a) from Attendance a where a.employeeId = :employeeId "
        + "and a.counted = true")
@NamedQuery(name = Attendance.LATEST, query = "select a from Attendance a where a.employeeId = :employeeId "
        + "and a.checkIn > :since order by a.checkIn desc")
public class Attendance {

    public static final String OF_DAY = "Attendance.ofDay";
    public static final String IN_RANGE = "Attendance.inRange";
    public static final String OF_PEOPLE = "Attendance.ofPeople";
    public static final String COUNT = "Attendance.count";
    public static final String LATEST = "Attendance.latest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "employee_id")
    private long employeeId;

    @Column(name = "work_date")
    private LocalDate date;

    @Column(name = "check_in")
    private Instant checkIn;

    @Column(name = "check_out")
    private Instant checkOut;

    private boolean counted;

    /** Who recorded the check-out for the employee, when, why and what it was before; null when they did it. */
    private String correction;

    @Version
    private long version;

    protected Attendance() {
    }

    public Attendance(long employeeId, LocalDate date, Instant checkIn, boolean counted) {
        this.employeeId = employeeId;
        this.date = date;
        this.checkIn = checkIn;
        this.counted = counted;
    }

    /** Checks out; once a day, after checking in. */
    public void checkOut(Instant at) {
        if (checkOut != null) {
            throw ProblemException.conflict("You checked out already.");
        }
        checkOut = at;
    }

    /**
     * 퇴근 기록 정정: the check-out recorded for the employee by someone who leads them, with {@code note} saying so.
     * It comes after the check-in and within 24 hours of it (a day past midnight ends the next morning): else 422.
     */
    public void correctCheckOut(Instant at, String note) {
        if (!at.isAfter(checkIn)) {
            throw ProblemException.unprocessable("The check-out must come after the check-in (" + checkIn + ").");
        }
        if (at.isAfter(checkIn.plus(java.time.Duration.ofHours(24)))) {
            throw ProblemException.unprocessable("The check-out must be within 24 hours of the check-in (" + checkIn
                    + "): a day ends by the next morning.");
        }
        checkOut = at;
        correction = note;
    }

    public String getCorrection() {
        return correction;
    }

    /** Minutes between check-in and check-out (whole minutes, rounded down); null until checked out. */
    public Long workedMinutes() {
        return checkOut == null ? null : Math.max(0, java.time.Duration.between(checkIn, checkOut).toMinutes());
    }

    /**
     * Why a check-in on {@code date} does not count toward earned leave, for the employee to read; null if it counts.
     *
     * @param onLeave whether the employee has an approved full day of leave that day (a half day still counts; a morning
     *                and an afternoon half day make a full day)
     */
    public static String notCounted(LocalDate date, CompanyDays days, boolean onLeave) {
        if (!days.isWorkingDay(date)) {
            return date + " is not a working day (weekend or public holiday): it is kept, but does not count toward "
                    + "earned leave.";
        }
        if (onLeave) {
            return date + " is a day of your approved leave: it is kept, but does not count toward earned leave.";
        }
        return null;
    }

    /** The day counts after all: the leave it was kept for was cancelled (휴가 취소). */
    public void count() {
        counted = true;
    }

    /** The day counts no more: a leave of it was approved after the check-in. */
    public void uncount() {
        counted = false;
    }

    /** Whether reaching {@code attendanceDays} days of attendance earns a leave day. */
    public static boolean earnsLeaveDay(long attendanceDays, int daysPerLeaveDay) {
        return attendanceDays > 0 && attendanceDays % daysPerLeaveDay == 0;
    }

    public long getEmployeeId() {
        return employeeId;
    }

    public LocalDate getDate() {
        return date;
    }

    public Instant getCheckIn() {
        return checkIn;
    }

    public Instant getCheckOut() {
        return checkOut;
    }

    public boolean isCounted() {
        return counted;
    }
}
