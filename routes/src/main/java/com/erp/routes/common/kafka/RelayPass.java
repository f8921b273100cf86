package com.erp.routes.common.kafka;

import java.util.HashSet;
import java.util.Set;

/**
 * The outbox relay's way through the outbox, a page (a round's batch) after another from the oldest entry
 * ({@link OutboxRoutes}). Normally a failed send ends the pass: Kafka away or slow, the next entries would only fail
 * too, and the pass starts at the front again a period later. But when every failure of a round was the broker's
 * answer about those records (a topic they may not go to, too large: {@link KafkaFailures#answered}), a full batch of
 * them at the front would hold back everything behind it for as long as they keep failing; so the pass goes on past
 * them, and the documents whose events failed, or were not due yet, keep their later events back until a pass from
 * the front sends them in order. One per relay, used by its single synchronous timer.
 */
public final class RelayPass {

    private String after;
    private final Set<String> held = new HashSet<>();
    private boolean unanswered;

    /** Where the next page starts: null at the front. */
    public String after() {
        return after;
    }

    /**
     * A round begins with this page: the documents held back so far in the pass, with this page's not yet due ones
     * (the set the round adds its failed documents to).
     */
    public Set<String> begin(OutboxPage page) {
        unanswered = false;
        held.addAll(page.waiting());
        return held;
    }

    /** A send of this round failed. */
    public void failed(Throwable failure) {
        if (!KafkaFailures.answered(failure)) {
            unanswered = true;
        }
    }

    /**
     * Whether another round follows at once, from where this page ended: after a full page ({@code batch} read) unless
     * a failure of this round was no answer about its records; otherwise the pass ends and the next starts at the
     * front.
     *
     * @param failed whether a send of this round failed
     */
    public boolean next(OutboxPage page, long batch, boolean failed) {
        if (page.read() >= batch && page.last() != null && !(failed && unanswered)) {
            after = page.last();
            return true;
        }
        after = null;
        held.clear();
        return false;
    }
}
