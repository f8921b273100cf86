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

    /**
     * The problem for a bare HTTP status, for answers the application's routes did not write themselves: the
     * servlet container, Spring MVC and Camel's REST router only say which status. One mapping, so the same
     * status has the same type wherever it comes from. A null detail gets a generic one for the status.
     */
    public static Problem forStatus(int status, String detail, String instance) {
        String slug;
        String title;
        switch (status) {
            case 400 -> { slug = "bad-request"; title = "Bad request"; }
            case 401 -> { slug = "unauthorized"; title = "Authentication required"; }
            case 403 -> { slug = "forbidden"; title = "Forbidden"; }
            case 404 -> { slug = "not-found"; title = "Not found"; }
            case 405 -> { slug = "method-not-allowed"; title = "Method not allowed"; }
            case 406 -> { slug = "not-acceptable"; title = "Not acceptable"; }
            case 409 -> { slug = "conflict"; title = "Conflict"; }
            case 413 -> { slug = "content-too-large"; title = "Content too large"; }
            case 415 -> { slug = "unsupported-media-type"; title = "Unsupported media type"; }
            case 503 -> { slug = "unavailable"; title = "Service unavailable"; }
            default -> {
                slug = status >= 500 ? "internal" : "http-" + status;
                title = status >= 500 ? "Internal error" : "Request refused";
            }
        }
        return new Problem(typeUri(slug), title, status, detail == null ? defaultDetail(status, instance) : detail,
                instance, null);
    }

    private static String defaultDetail(int status, String path) {
        String where = path == null ? "this address" : path;
        return switch (status) {
            case 400 -> "The request is malformed (for example an invalid percent-escape, an encoded slash, '//', '..' "
                    + "or a control character in its URL, or a header too large or not well-formed) and was refused "
                    + "before it reached the application.";
            case 401 -> "Authentication is required.";
            case 403 -> "The caller may not do this.";
            case 404 -> "There is nothing at " + where + ".";
            case 405 -> "This method is not allowed on " + where + "; the Allow header lists those that are.";
            case 406 -> "None of the media types the request accepts can be produced.";
            case 413 -> "The request is larger than this server accepts.";
            case 415 -> "The request's media type is not supported here.";
            default -> status >= 500 ? "The request failed unexpectedly." : "The request was refused (HTTP " + status + ").";
        };
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
