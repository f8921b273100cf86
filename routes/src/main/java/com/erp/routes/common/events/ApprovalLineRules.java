package com.erp.routes.common.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every approval line satisfies, wherever a submission comes from: 1 to {@value #MAX_STEPS} steps numbered
 * 1, 2, 3… in order, none of them the drafter, nobody twice. approval-request refuses a submission that breaks
 * them (422); approval-processing checks them again on what it is handed (Kafka or gRPC), since neither of
 * those is the public API.
 */
public final class ApprovalLineRules {

    public static final int MAX_STEPS = 10;
    public static final int MAX_CC = 20;
    public static final int MAX_AGREERS = 10;

    private ApprovalLineRules() {
    }

    /** Why {@code line} cannot be an approval line of {@code drafterId}'s document, or empty if it can. */
    public static Optional<String> violation(long drafterId, List<Person> line) {
        if (line.isEmpty()) {
            return Optional.of("An approval line needs at least one approver.");
        }
        if (line.size() > MAX_STEPS) {
            return Optional.of("An approval line has at most " + MAX_STEPS + " steps.");
        }
        return peopleViolation(drafterId, line);
    }

    /** The people of a line, whatever its steps: none missing, none the drafter, nobody twice. */
    private static Optional<String> peopleViolation(long drafterId, List<Person> line) {
        Set<Long> seen = new HashSet<>();
        for (Person approver : line) {
            if (approver == null) {
                return Optional.of("A step of the approval line has no approver.");
            }
            if (approver.id() == drafterId) {
                return Optional.of("You cannot approve your own document.");
            }
            if (!seen.add(approver.id())) {
                return Optional.of(approver.name() + " appears twice in the approval line.");
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code cc} (참조) cannot be the people in cc of a document of {@code drafterId} with this {@code line}, or
     * empty: at most {@value #MAX_CC}, nobody twice, neither the drafter nor anyone on the line (who is told anyway).
     */
    public static Optional<String> ccViolation(long drafterId, List<Person> line, List<Person> cc) {
        if (cc == null || cc.isEmpty()) {
            return Optional.empty();
        }
        if (cc.size() > MAX_CC) {
            return Optional.of("At most " + MAX_CC + " people can be in cc.");
        }
        Set<Long> onLine = new HashSet<>();
        line.forEach(p -> onLine.add(p.id()));
        Set<Long> seen = new HashSet<>();
        for (Person p : cc) {
            if (p == null) {
                return Optional.of("Someone in cc is missing.");
            }
            if (p.id() == drafterId) {
                return Optional.of("You cannot put yourself in cc of your own document.");
            }
            if (onLine.contains(p.id())) {
                return Optional.of("Employee [" + p.id() + "] is on the approval line already, and is told as an approver;"
                        + " leave them out of ccIds.");
            }
            if (!seen.add(p.id())) {
                return Optional.of(p.name() + " appears twice in cc.");
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code receivers} (수신) cannot receive the document, or empty: at most {@value #MAX_CC}, nobody twice, neither
     * the drafter nor anyone on the line or in cc (who are told anyway).
     */
    public static Optional<String> receiversViolation(long drafterId, List<Person> line, List<Person> cc,
                                                      List<Person> receivers) {
        if (receivers == null || receivers.isEmpty()) {
            return Optional.empty();
        }
        if (receivers.size() > MAX_CC) {
            return Optional.of("At most " + MAX_CC + " people can receive a document.");
        }
        Set<Long> told = new HashSet<>();
        line.forEach(p -> told.add(p.id()));
        if (cc != null) {
            cc.forEach(p -> told.add(p.id()));
        }
        Set<Long> seen = new HashSet<>();
        for (Person p : receivers) {
            if (p == null) {
                return Optional.of("A receiver is missing.");
            }
            if (p.id() == drafterId) {
                return Optional.of("You cannot send your own document to yourself (수신).");
            }
            if (told.contains(p.id())) {
                return Optional.of("Employee [" + p.id() + "] is on the approval line or in cc already; leave them out of "
                        + "receiverIds.");
            }
            if (!seen.add(p.id())) {
                return Optional.of(p.name() + " appears twice among the receivers.");
            }
        }
        return Optional.empty();
    }

    /** At most this many departments receive one document (수신처). */
    public static final int MAX_RECEIVING_DEPARTMENTS = 10;

    /**
     * Why {@code departments} (수신처) cannot receive the document, or empty: at most
     * {@value #MAX_RECEIVING_DEPARTMENTS}, none twice. The drafter's own department may be one (a document for the whole
     * department to have on file).
     */
    public static Optional<String> receivingDepartmentsViolation(List<ReceivingDepartment> departments) {
        if (departments == null || departments.isEmpty()) {
            return Optional.empty();
        }
        if (departments.size() > MAX_RECEIVING_DEPARTMENTS) {
            return Optional.of("At most " + MAX_RECEIVING_DEPARTMENTS + " departments can receive a document (수신처).");
        }
        Set<Long> seen = new HashSet<>();
        for (ReceivingDepartment d : departments) {
            if (d == null) {
                return Optional.of("A receiving department is missing.");
            }
            if (!seen.add(d.id())) {
                return Optional.of(d.name() + " appears twice among the receiving departments (수신처).");
            }
        }
        return Optional.empty();
    }

    /**
     * The same for the steps of a stored or transmitted line, which must also be numbered 1..n in order; a 합의 step
     * has 1 to {@value #MAX_AGREERS} agreers and is never the last (an approver decides after it).
     */
    public static Optional<String> stepsViolation(long drafterId, List<LineStep> steps) {
        if (steps.isEmpty()) {
            return Optional.of("An approval line needs at least one approver.");
        }
        if (steps.size() > MAX_STEPS) {
            return Optional.of("An approval line has at most " + MAX_STEPS + " steps.");
        }
        for (int i = 0; i < steps.size(); i++) {
            LineStep step = steps.get(i);
            if (step == null || step.step() != i + 1) {
                return Optional.of("The steps of an approval line are numbered 1 to " + steps.size() + " in order.");
            }
            if (step.people().isEmpty()) {
                return Optional.of("Step " + step.step() + " of the approval line has no approver.");
            }
            if (step.isAgreement() && step.agreers().size() > MAX_AGREERS) {
                return Optional.of("A 합의 (agreement) step has at most " + MAX_AGREERS + " people.");
            }
        }
        if (steps.get(steps.size() - 1).isAgreement()) {
            return Optional.of("The last step of an approval line is an approver's: a 합의 (agreement) comes before it.");
        }
        return peopleViolation(drafterId, people(steps));
    }

    /**
     * The steps of a line of {@code approvers} with a 합의 (agreement) step of {@code agreers} (none when empty) before
     * the {@code position}-th approver (the last one when null), numbered 1..n; or why the position cannot be.
     * The line's other rules are {@link #stepsViolation}'s.
     */
    public static Composed compose(List<Person> approvers, List<Person> agreers, Integer position) {
        List<LineStep> line = new ArrayList<>();
        approvers.forEach(p -> line.add(new LineStep(line.size() + 1, p)));
        if (agreers == null || agreers.isEmpty()) {
            return new Composed(List.copyOf(line), null);
        }
        int at = position == null ? approvers.size() : position;
        if (at < 1 || at > approvers.size()) {
            return new Composed(List.of(), "A 합의 (agreement) comes before one of the line's " + approvers.size()
                    + " approver(s): its position is 1 to " + approvers.size() + ", not " + at + ".");
        }
        line.add(at - 1, LineStep.agreement(0, agreers));
        for (int i = 0; i < line.size(); i++) {
            line.set(i, line.get(i).renumbered(i + 1));
        }
        return new Composed(List.copyOf(line), null);
    }

    /** A composed line, or (steps empty) the reason it cannot be composed. */
    public record Composed(List<LineStep> steps, String violation) {
    }

    /** Everyone on the steps, in order. */
    public static List<Person> people(List<LineStep> steps) {
        return steps.stream().flatMap(s -> s.people().stream()).toList();
    }
}
