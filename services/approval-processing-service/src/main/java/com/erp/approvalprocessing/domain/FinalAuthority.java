package com.erp.approvalprocessing.domain;

import java.util.Optional;

/**
 * 전결: who may approve a document with final authority at their step, so that it is approved at once and the
 * steps after it are skipped (the company's 위임전결 rules, in their simplest form). A department head or an
 * executive may on any document; a team lead on leave documents, whose days the ledger already checked. Never on
 * the last step: nothing is left to skip, and a plain approval says the same.
 */
public final class FinalAuthority {

    private FinalAuthority() {
    }

    /** Why {@code position} may not approve with final authority at {@code step} of {@code stepCount}; empty if it may. */
    public static Optional<String> refusal(String documentType, String position, int step, int stepCount) {
        if (step >= stepCount) {
            return Optional.of("Step " + step + " is the last one: approve it (APPROVE); there is no later step to skip.");
        }
        boolean headOrAbove = "DEPT_HEAD".equals(position) || "EXECUTIVE".equals(position);
        boolean leadOnLeave = "TEAM_LEAD".equals(position) && "LEAVE".equals(documentType);
        if (headOrAbove || leadOnLeave) {
            return Optional.empty();
        }
        return Optional.of("TEAM_LEAD".equals(position)
                ? "A team lead approves only leave documents with final authority (전결); this one goes on to the next step."
                : "Only a department head or an executive (or a team lead, for leave documents) approves with final "
                        + "authority (전결).");
    }
}
