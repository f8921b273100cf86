package com.erp.routes.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A person as written into events and documents: a snapshot taken when the event happened. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person(long id, String name, String position, String department) {
}
