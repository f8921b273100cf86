package com.erp.routes.approvalprocessing;

import org.springframework.stereotype.Component;

/**
 * Decide: the caller approves or rejects the active step. The rules (bean workflow) check that the caller is
 * that step's approver; the change is stored only if nobody changed the document meanwhile (else 409), and
 * its events ({@code approval.decided}, then {@code approval.step-activated}, {@code approval.completed} or
 * {@code approval.rejected}) are published.
 */
@Component
public class DecideRoute extends StateChangeRoute {

    static final String ROUTE_ID = "approval-processing.decide";
    /** One decision, the caller in {@code variable.caller}: a refusal is thrown, not answered. */
    public static final String DECIDE = changeOf(ROUTE_ID);

    @Override
    public void configure() {
        stateChange("direct:decideApproval", ROUTE_ID, "decide",
                "result(${variable.transition}, ${variable.request})");
    }
}
