package com.erp.employee.domain;

import java.util.List;
import java.util.Optional;

import com.erp.routes.common.events.ApprovalLineRules;
import com.erp.routes.common.events.Person;

/**
 * What a saved approval line (자주 쓰는 결재선) satisfies: a name, at most {@value #MAX_LINES} per person, and the rules
 * of every submitted line ({@link ApprovalLineRules}) with its owner as the drafter, so that using it never makes a
 * submission that the rules refuse (unless someone on it has left since).
 */
public final class SavedLineRules {

    public static final int MAX_LINES = 20;

    private SavedLineRules() {
    }

    /** The name as kept: without the spaces around it; null when nothing else is left. */
    public static String name(String given) {
        return given == null || given.isBlank() ? null : given.strip();
    }

    /** Why these people cannot be a line of {@code ownerId}, or empty if they can. */
    public static Optional<String> violation(long ownerId, List<Person> approvers, List<Person> agreers, Integer position,
                                             List<Person> cc, List<Person> receivers) {
        ApprovalLineRules.Composed line = ApprovalLineRules.compose(approvers, agreers, position);
        if (line.violation() != null) {
            return Optional.of(line.violation());
        }
        Optional<String> steps = ApprovalLineRules.stepsViolation(ownerId, line.steps());
        if (steps.isPresent()) {
            return steps;
        }
        List<Person> onLine = ApprovalLineRules.people(line.steps());
        return ApprovalLineRules.ccViolation(ownerId, onLine, cc)
                .or(() -> ApprovalLineRules.receiversViolation(ownerId, onLine, cc, receivers));
    }

    /** Why the owner, who keeps {@code kept} lines, cannot add one, or empty. */
    public static Optional<String> roomViolation(long kept) {
        return kept < MAX_LINES ? Optional.empty()
                : Optional.of("You keep " + MAX_LINES + " approval lines already, the most one can; remove one first.");
    }
}
