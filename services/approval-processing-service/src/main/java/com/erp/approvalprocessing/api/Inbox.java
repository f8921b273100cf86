package com.erp.approvalprocessing.api;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.Person;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Schema Inbox: documents waiting for the caller's decision. */
public record Inbox(List<Item> items) {

    /**
     * {@code onBehalfOf}: the approver whose step this is, when the caller decides it as their deputy (대결).
     * {@code agreement}: true on a 합의 step, which the caller agrees to or not.
     * {@code heldAt}: since when the step has been on hold (보류), if it is.
     * {@code finalAuthority}: true when the caller may approve it with final authority (전결) now; never for a deputy.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String approvalId, String title, Person drafter, int step, int stepCount, Instant activatedAt,
                       Person onBehalfOf, Boolean agreement, Instant heldAt, Boolean finalAuthority) {

        public Item(String approvalId, String title, Person drafter, int step, int stepCount, Instant activatedAt) {
            this(approvalId, title, drafter, step, stepCount, activatedAt, null, null, null, null);
        }

        /** The item as a deputy finds it: theirs to decide for {@code approver}, whose 전결 stays their own. */
        public Item forApprover(Person approver) {
            return new Item(approvalId, title, drafter, step, stepCount, activatedAt, approver, agreement, heldAt, null);
        }
    }
}
