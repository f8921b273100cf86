package com.erp.approvalrequest.api;

import java.time.Instant;

import com.erp.routes.common.events.Person;

/** Schema Comment: 의견, someone's comment on a document. */
public record Comment(String id, Person author, String text, Instant at) {
}
