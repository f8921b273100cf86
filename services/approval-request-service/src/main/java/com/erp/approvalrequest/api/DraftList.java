package com.erp.approvalrequest.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Schema DraftList: the caller's drafts, the last saved first, without their content. */
public record DraftList(List<Summary> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String id, String type, String title, Instant savedAt) {
    }
}
