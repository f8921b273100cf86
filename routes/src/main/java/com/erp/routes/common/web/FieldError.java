package com.erp.routes.common.web;

/** One invalid field or parameter of a request. */
public record FieldError(String field, String message) {
}
