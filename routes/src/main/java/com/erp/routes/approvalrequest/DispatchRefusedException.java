package com.erp.routes.approvalrequest;

/**
 * approval-processing refused a synchronous dispatch (INVALID_ARGUMENT: its rules refuse the line), with its reason.
 * An answer, not a failure of the call: the circuit breaker ignores it ({@code ignore-exceptions}), so refusals during a
 * rollout do not open it for everyone's submissions.
 */
public class DispatchRefusedException extends RuntimeException {

    public DispatchRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
