package com.erp.routes.common.kafka;

import java.util.List;
import java.util.Set;

/**
 * What one relay round read of the outbox, in the order it was stored, from a place on ({@link OutboxRoutes}).
 *
 * @param entries the entries due now, in order
 * @param read    how many it read (entries, or documents where a document holds its entries), due or not: a page of
 *                the round's whole batch means more may follow
 * @param pending how many entries the page held, due or not
 * @param last    where the next page starts after this one (the service's own position: a score, a mark); null when
 *                nothing was read
 * @param waiting documents of this page whose entry was not due yet: their later entries, also in a later page, wait
 */
public record OutboxPage(List<OutboxEntry> entries, int read, int pending, String last, Set<String> waiting) {

    public OutboxPage {
        entries = List.copyOf(entries);
        waiting = Set.copyOf(waiting);
    }

    public static OutboxPage empty() {
        return new OutboxPage(List.of(), 0, 0, null, Set.of());
    }
}
