package com.erp.approvalprocessing.domain;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;

/**
 * What approval-processing knows of a document: enough to decide who acts now and to describe each event,
 * plus the version every change is checked against (one decision wins when two arrive together).
 *
 * @param version the sequence of the last event this state produced
 * @param cc      참조, the people told when the document starts and how it ends (null in states stored before it)
 */
public record ApprovalState(String approvalId, String title, String documentType, Person drafter, List<LineStep> line,
                            Progress progress, long version, Instant activatedAt, List<Person> cc) {

    /** The people in cc as events carry them: null when there are none, so the field is left out. */
    public List<Person> ccOrNull() {
        return cc == null || cc.isEmpty() ? null : cc;
    }

    public int stepCount() {
        return line.size();
    }

    public LineStep step(int step) {
        return line.get(step - 1);
    }

    public boolean isOnLine(long employeeId) {
        return line.stream().anyMatch(s -> s.people().stream().anyMatch(p -> p.id() == employeeId));
    }
}
