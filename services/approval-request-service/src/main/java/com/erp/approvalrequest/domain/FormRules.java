package com.erp.approvalrequest.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.erp.approvalrequest.api.ExpenseRequest;
import com.erp.approvalrequest.api.TripRequest;
import com.erp.routes.common.web.ProblemException;

/**
 * The forms beyond the contract's shape. An EXPENSE document (지출결의) says what it claims ({@code expense}), spent
 * on a day that has come, within the last year; a BUSINESS_TRIP document (출장) where and when it goes ({@code trip}),
 * ending no earlier than it starts, at most {@value #LONGEST_TRIP_DAYS} days, within last, this or next year. Each
 * form's part belongs to its own type only. (LEAVE has its own rules: {@link SubmissionPolicy#leave}.)
 */
public final class FormRules {

    public static final String EXPENSE = "EXPENSE";
    public static final String TRIP = "BUSINESS_TRIP";
    static final int LONGEST_TRIP_DAYS = 90;

    private FormRules() {
    }

    public static void check(String type, ExpenseRequest expense, TripRequest trip, LocalDate today) {
        own(type, EXPENSE, "expense", "what it claims: give expense with amount, category and spentOn", expense != null);
        own(type, TRIP, "trip", "where and when: give trip with destination, startDate and endDate", trip != null);
        if (expense != null) {
            LocalDate spent = LocalDate.parse(expense.spentOn());
            if (spent.isAfter(today)) {
                throw ProblemException.unprocessable("An expense is claimed once it is spent: " + spent + " is still to come.");
            }
            if (spent.isBefore(today.minusYears(1))) {
                throw ProblemException.unprocessable("An expense is claimed within a year: " + spent + " is longer ago.");
            }
        }
        if (trip != null) {
            if (trip.destination() == null || trip.destination().isBlank()) {
                throw ProblemException.unprocessable("A trip needs its destination.");
            }
            LocalDate start = LocalDate.parse(trip.startDate());
            LocalDate end = LocalDate.parse(trip.endDate());
            if (end.isBefore(start)) {
                throw ProblemException.unprocessable("The trip ends (" + end + ") before it starts (" + start + ").");
            }
            long days = tripDays(trip);
            if (days > LONGEST_TRIP_DAYS) {
                throw ProblemException.unprocessable("A trip lasts at most " + LONGEST_TRIP_DAYS + " days; this one "
                        + days + ".");
            }
            if (Math.abs(start.getYear() - today.getYear()) > 1) {
                throw ProblemException.unprocessable("A trip in " + start.getYear() + " cannot be asked for now: only "
                        + (today.getYear() - 1) + ", " + today.getYear() + " and " + (today.getYear() + 1) + " are open.");
            }
        }
    }

    /** A trip's calendar days, both ends included: it takes its weekend too. */
    static long tripDays(TripRequest trip) {
        return ChronoUnit.DAYS.between(LocalDate.parse(trip.startDate()), LocalDate.parse(trip.endDate())) + 1;
    }

    private static void own(String type, String form, String field, String what, boolean given) {
        if (form.equals(type) && !given) {
            throw ProblemException.unprocessable("A " + form + " document must say " + what + ".");
        }
        if (!form.equals(type) && given) {
            throw ProblemException.unprocessable("Only a " + form + " document has `" + field + "`; leave it out for a "
                    + type + " document.");
        }
    }
}
