package com.erp.approvalprocessing.api;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.Person;

/** Schema Inbox: documents waiting for the caller's decision. */
public record Inbox(List<Item> items) {

    public record Item(String approvalId, String title, Person drafter, int step, int stepCount, Instant activatedAt) {
    }
}
