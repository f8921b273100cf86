package com.erp.routes.approvalprocessing;

import org.springframework.stereotype.Component;

/**
 * 결재 취소: who approved the step before the active one takes the approval back while nobody has decided the active
 * step. The rules (bean workflow) check that; stored like a decision, then {@code approval.decided} (RETRACTED) and
 * {@code approval.step-activated} for the caller's step again are published.
 */
@Component
public class RetractRoute extends StateChangeRoute {

    @Override
    public void configure() {
        stateChange("direct:retractApproval", "approval-processing.retract", "retract", "retraction(${variable.transition})");
    }
}
