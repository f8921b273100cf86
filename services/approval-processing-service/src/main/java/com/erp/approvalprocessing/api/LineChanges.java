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

    /** @param drafterId the caller, whom the workflow found to be the document's drafter (their org-chart line too) */
    public LineChange resolve(LineChangeRequest request, long drafterId, String bearerToken) {
        boolean bySteps = request.steps() != null;
        if (bySteps == (request.remaining() != null)) {
            throw ProblemException.badRequest("A line change gives either steps (the steps whose people change) or "
                    + "remaining (the line from the active step on), not both and not neither.",
                    List.of(new FieldError(bySteps ? "/remaining" : "/steps", bySteps ? "is given with steps"
                            : "or remaining is required")));
        }
        if (bySteps && request.fromStep() != null) {
            throw ProblemException.badRequest("fromStep says where remaining starts; steps are given by number.",
                    List.of(new FieldError("/fromStep", "goes with remaining, not steps")));
        }
        // each step's people by id, and where the request names it
        List<String> at = new ArrayList<>();
        List<Long> approverIds = new ArrayList<>();
        List<List<Long>> agreerIds = new ArrayList<>();
        if (bySteps) {
            for (int i = 0; i < request.steps().size(); i++) {
                at.add("/steps/" + i);
                approverIds.add(request.steps().get(i).approverId());
                agreerIds.add(request.steps().get(i).agreerIds());
            }
        } else {
            for (int i = 0; i < request.remaining().size(); i++) {
                at.add("/remaining/" + i);
                approverIds.add(request.remaining().get(i).approverId());
                agreerIds.add(request.remaining().get(i).agreerIds());
            }
        }
        List<FieldError> errors = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            if ((approverIds.get(i) == null) == (agreerIds.get(i) == null)) {
                errors.add(new FieldError(at.get(i), "gives either approverId (a 결재 step) or agreerIds (a 합의 step)"));
            } else if (approverIds.get(i) != null) {
                ids.add(approverIds.get(i));
            } else {
                ids.addAll(agreerIds.get(i));
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
        List<LineStep> steps = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            int n = bySteps ? request.steps().get(i).step() : i + 1;
            steps.add(approverIds.get(i) != null ? new LineStep(n, found.get(approverIds.get(i)))
                    : LineStep.agreement(n, agreerIds.get(i).stream().map(found::get).toList()));
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        // who holds the authority for the drafter's documents now: whom the last step may pass to (결재권한)
        List<Person> drafterLine = directory.defaultLine(drafterId, bearerToken);
        return (bySteps ? new LineChange(List.copyOf(steps), reason)
                : new LineChange(null, reason, List.copyOf(steps), request.fromStep())).withDrafterLine(drafterLine);
    }
}
