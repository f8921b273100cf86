package com.erp.approvalrequest.api;

import java.util.Map;

/** Body of POST /api/drafts and PUT /api/drafts/{draftId} (schema DraftRequest): 임시저장. */
public record DraftRequest(String type, String title, Map<String, Object> form) {
}
