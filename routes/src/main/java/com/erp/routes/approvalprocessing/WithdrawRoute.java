package com.erp.routes.approvalprocessing;

import org.springframework.stereotype.Component;

/**
 * Withdraw (회수): the drafter takes back a document still in progress. The rules (bean workflow) check that the
 * caller is its drafter; like a decision, the change is stored only if nobody changed the document meanwhile, so
 * a withdrawal and a decision arriving together cannot both win (the loser gets 409). Its event
 * ({@code approval.withdrawn}) is published.
 */
@Component
public class WithdrawRoute extends StateChangeRoute {

    @Override
    public void configure() {
        stateChange("direct:withdrawApproval", "approval-processing.withdraw", "withdraw",
                "withdrawal(${variable.transition})");
    }
}
