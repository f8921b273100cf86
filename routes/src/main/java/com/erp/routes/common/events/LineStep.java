package com.erp.routes.common.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of an approval line: its position (1-based) and who decides it. A 결재 step has one {@code approver}; a
 * 합의 (agreement) step has {@code agreers} instead, who decide in parallel, in any order: it passes when every one of
 * them agrees, and one who disagrees rejects the document.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineStep(int step, Person approver, List<Person> agreers) {

    public LineStep(int step, Person approver) {
        this(step, approver, null);
    }

    /** A 합의 step of these people. */
    public static LineStep agreement(int step, List<Person> agreers) {
        return new LineStep(step, null, List.copyOf(agreers));
    }

    @JsonIgnore
    public boolean isAgreement() {
        return agreers != null && !agreers.isEmpty();
    }

    /** Who decides the step: its approver, or its agreers. */
    @JsonIgnore
    public List<Person> people() {
        return isAgreement() ? agreers : approver == null ? List.of() : List.of(approver);
    }

    public LineStep renumbered(int to) {
        return new LineStep(to, approver, agreers);
    }
}
