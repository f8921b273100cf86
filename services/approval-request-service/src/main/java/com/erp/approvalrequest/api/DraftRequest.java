package com.erp.approvalrequest.api;

import java.util.List;
import java.util.Map;

/**
 * Body of POST /api/drafts and PUT /api/drafts/{draftId} (schema DraftRequest): 임시저장. {@code attachmentIds}: the
 * writer's uploaded files kept with the draft.
 */
public record DraftRequest(String type, String title, Map<String, Object> form, List<String> attachmentIds) {

    public DraftRequest(String type, String title, Map<String, Object> form) {
        this(type, title, form, null);
    }
}
