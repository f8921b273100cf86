package com.erp.approvalprocessing.domain;

import java.util.List;

/**
 * A change of a line in progress with its people looked up, and the reason (or null): either {@code steps}, the steps
 * whose people change, by number, or {@code remaining}, the line from the active step on as it is to be (numbered
 * from 1 here; the workflow numbers them from the active step). The other is null. {@code fromStep}: the active step
 * {@code remaining} was drafted at, when the caller says (a document that moved on since refuses it); null otherwise.
 * {@code drafterLine}: the drafter's line in the org chart now (결재권한 for its last step); null when not looked up.
 */
public record LineChange(List<com.erp.routes.common.events.LineStep> steps, String reason,
                         List<com.erp.routes.common.events.LineStep> remaining, Integer fromStep,
                         List<com.erp.routes.common.events.Person> drafterLine) {

    public LineChange(List<com.erp.routes.common.events.LineStep> steps, String reason,
                      List<com.erp.routes.common.events.LineStep> remaining, Integer fromStep) {
        this(steps, reason, remaining, fromStep, null);
    }

    public LineChange(List<com.erp.routes.common.events.LineStep> steps, String reason) {
        this(steps, reason, null, null);
    }

    /** The same change, judged against the drafter's org-chart line now. */
    public LineChange withDrafterLine(List<com.erp.routes.common.events.Person> line) {
        return new LineChange(steps, reason, remaining, fromStep, line);
    }

    public LineChange(List<com.erp.routes.common.events.LineStep> steps, String reason,
                      List<com.erp.routes.common.events.LineStep> remaining) {
        this(steps, reason, remaining, null);
    }
}
