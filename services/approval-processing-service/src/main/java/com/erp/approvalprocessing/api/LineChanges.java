package com.erp.approvalprocessing.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.erp.approvalprocessing.domain.LineChange;
import com.erp.routes.common.directory.EmployeeDirectory;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.ProblemException;

/**
 * A line change as the drafter asked for it, with its people looked up in the org chart (bean {@code lineChanges}),
 * with the drafter's own token: who is not an active employee cannot be put on a line. Whether the change may be made
 * is the workflow's to say, against the document as it is.
 */
public class LineChanges {

    static final int MAX_PEOPLE = 50;

    private final EmployeeDirectory directory;

    public LineChanges(EmployeeDirectory directory) {
        this.directory = directory;
    }

    public LineChange resolve(LineChangeRequest request, String bearerToken) {
        List<FieldError> errors = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < request.steps().size(); i++) {
            LineChangeStep s = request.steps().get(i);
            if ((s.approverId() == null) == (s.agreerIds() == null)) {
                errors.add(new FieldError("/steps/" + i, "gives either approverId (a 결재 step) or agreerIds (a 합의 step)"));
            } else if (s.approverId() != null) {
                ids.add(s.approverId());
            } else {
                ids.addAll(s.agreerIds());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Each step of a line change gives either approverId or agreerIds.", errors);
        }
        List<Long> distinct = ids.stream().distinct().toList();
        if (distinct.size() > MAX_PEOPLE) {
            // also what the org chart looks up at once
            throw ProblemException.unprocessable("A line change names at most " + MAX_PEOPLE + " people, not "
                    + distinct.size() + ".");
        }
        Map<Long, Person> found = new HashMap<>();
        directory.approvers(distinct, bearerToken).forEach(p -> found.put(p.id(), p));
        List<Long> unknown = ids.stream().distinct().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("No active employee with id " + unknown + " can be put on the line.");
        }
        List<LineStep> steps = request.steps().stream()
                .map(s -> s.approverId() != null ? new LineStep(s.step(), found.get(s.approverId()))
                        : LineStep.agreement(s.step(), s.agreerIds().stream().map(found::get).toList()))
                .toList();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return new LineChange(steps, reason);
    }
}
