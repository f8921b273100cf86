package com.erp.approvalrequest.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Schema Draft: one of the caller's drafts (임시저장), with what their client keeps in it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Draft(String id, String type, String title, Map<String, Object> form, List<Attachment> attachments,
                    Instant savedAt) {
}
