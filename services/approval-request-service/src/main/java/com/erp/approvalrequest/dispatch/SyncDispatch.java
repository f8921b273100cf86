package com.erp.approvalrequest.dispatch;

import com.erp.approvalrequest.api.DispatchModeState;
import com.erp.approvalrequest.api.SubmissionAccepted;
import com.erp.routes.common.grpc.DispatchMessages;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import com.erp.routes.grpc.DispatchReply;

/** What the synchronous path and the admin API answer (bean {@code syncDispatch}). */
public class SyncDispatch {

    private final DispatchMode mode;
    private final int retryAfterSeconds;

    public SyncDispatch(DispatchMode mode, int retryAfterSeconds) {
        this.mode = mode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 201: processing answered; the first step is active. */
    public SubmissionAccepted accepted(DispatchReply reply) {
        return new SubmissionAccepted(reply.getApprovalId(), reply.getStatus(),
                reply.getCurrentStep() == 0 ? null : reply.getCurrentStep(),
                reply.hasNextApprover() ? DispatchMessages.person(reply.getNextApprover()) : null);
    }

    /**
     * The document was withdrawn again, nothing was accepted: 422 with processing's reason when it refused the
     * submission, 503 when it could not be reached (no reason).
     */
    public void notSubmitted(String refusal) {
        if (refusal != null) {
            throw ProblemException.unprocessable("approval-processing refused the submission, so the document was not "
                    + "submitted: " + refusal + ". Correct the approval line and submit it again.");
        }
        unavailable();
    }

    /** 503: processing could not be reached, so the document was withdrawn again; nothing was accepted. */
    private void unavailable() {
        throw ProblemException.unavailable("approval-processing cannot be reached, so the document was not submitted; "
                + "retry after the time Retry-After says (an administrator may switch the dispatch mode to ASYNC, "
                + "which keeps accepting while processing is away).", retryAfterSeconds);
    }

    public DispatchModeState switchTo(String requested, Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only administrators switch the dispatch mode.");
        }
        return mode.switchTo(requested, caller.username());
    }
}
