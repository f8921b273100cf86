package com.erp.routes.common.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details: the body of every 4xx/5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are relative URIs under /problems/, one per kind (see docs/problems.md). */
    public static String typeUri(String slug) {
        return "/problems/" + slug;
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
