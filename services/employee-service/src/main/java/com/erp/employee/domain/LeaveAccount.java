package com.erp.employee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One employee's annual leave for one year, in half days: what was granted, what approved leave has used, and what
 * leave documents still on their way hold reserved. What is left to ask for is granted − used − reserved; a
 * reservation never takes more than that.
 */
@Entity
@Table(name = "leave_account")
@NamedQuery(name = LeaveAccount.OF, query = "select a from LeaveAccount a where a.employeeId = :employeeId and a.year = :year")
public class LeaveAccount {

    public static final String OF = "LeaveAccount.of";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "employee_id")
    private long employeeId;

    @Column(name = "leave_year")
    private int year;

    @Column(name = "granted_half_days")
    private int granted;

    /** What the year was opened with ({@code AnnualLeave}); null for accounts opened before it was kept. */
    @Column(name = "allowance_half_days")
    private Integer allowance;

    @Column(name = "used_half_days")
    private int used;

    @Column(name = "reserved_half_days")
    private int reserved;

    @Version
    private long version;

    protected LeaveAccount() {
    }

    /** An account as it starts a year (also what a year without one shows). */
    public LeaveAccount(long employeeId, int year, int grantedHalfDays) {
        this.employeeId = employeeId;
        this.year = year;
        this.granted = grantedHalfDays;
    }

    /** Holds {@code halfDays} for a leave document; false (and nothing held) when fewer are left. */
    public boolean reserve(int halfDays) {
        if (halfDays <= 0 || halfDays > available()) {
            return false;
        }
        reserved += halfDays;
        return true;
    }

    /** The leave was approved: what it held is used. */
    public void deduct(int halfDays) {
        reserved -= halfDays;
        used += halfDays;
    }

    /** The leave was rejected or withdrawn: what it held is free again. */
    public void release(int halfDays) {
        reserved -= halfDays;
    }

    /** An approved leave was cancelled (휴가 취소): what it used is free again. */
    public void restore(int halfDays) {
        used -= halfDays;
    }

    public void grant(int halfDays) {
        granted += halfDays;
    }

    /** What the year was opened with, or {@code otherwise} for an account opened before that was kept. */
    public int allowanceOr(int otherwise) {
        return allowance == null ? otherwise : allowance;
    }

    /** A corrected hire date's allowance, and the days granted moved by its {@code difference} to the one before. */
    public void reallow(int allowance, int difference) {
        this.allowance = allowance;
        granted += difference;
    }

    public int available() {
        return granted - used - reserved;
    }

    public long getEmployeeId() {
        return employeeId;
    }

    public int getYear() {
        return year;
    }

    public int getGranted() {
        return granted;
    }

    public int getUsed() {
        return used;
    }

    public int getReserved() {
        return reserved;
    }
}
