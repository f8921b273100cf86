package com.erp.routes.common.kafka;

import java.util.HashSet;
import java.util.Set;

/**
 * The outbox relay's way through the outbox in one look, a page (a round's batch) after another from the oldest
 * entry ({@link OutboxRoutes}). While every entry of its pages went, the next page is read from the front again (they
 * are gone; the store's plainest query); once one left entries behind (not due yet, held back, failed), each next
 * page starts where the last ended. A failed send normally ends the look: Kafka away or slow, the next entries would only fail
 * too. But when every failure of a round was the broker's answer about those records (a topic they may not go to,
 * too large: {@link KafkaFailures#answered}), a batch of them at the front would hold back everything behind it for
 * as long as they keep failing; so the look goes on past them, and the documents whose events failed, or were not
 * due yet, keep their later events back for the rest of it. One per relay, used by its single synchronous timer.
 */
public final class RelayPass {

    private String after;
    private final Set<String> held = new HashSet<>();
    private boolean failed;
    private boolean unanswered;
    private boolean skipped;

    /** A look begins at the front, nothing held back (also after a look that ended in an exception). */
    public void start() {
        after = null;
        held.clear();
    }

    /** Where the next page starts: null at the front. */
    public String after() {
        return after;
    }

    /**
     * A round begins with this page: the documents held back so far in the look (the set the round adds its failed
     * documents to).
     */
    public Set<String> begin(OutboxPage page) {
        failed = false;
        unanswered = false;
        skipped = page.entries().stream().anyMatch(e -> held.contains(e.approvalId()));
        return held;
    }

    /** A send of this round failed. */
    public void failed(Throwable failure) {
        failed = true;
        if (!KafkaFailures.answered(failure)) {
            unanswered = true;
        }
    }

    /**
     * Whether another round follows at once: after a full page ({@code batch} read) unless a failure of this round
     * was no answer about its records; otherwise the look ends.
     */
    public boolean next(OutboxPage page, long batch) {
        if (page.read() < batch || page.last() == null || (failed && unanswered)) {
            start();
            return false;
        }
        // a document whose entry is not due yet keeps its later ones back, in a later page too
        held.addAll(page.waiting());
        boolean leftBehind = failed || skipped || page.pending() > page.entries().size();
        // once something stayed behind, on from where this page ended for the rest of the look: from the front, it
        // would read what stayed again
        after = leftBehind || after != null ? page.last() : null;
        return true;
    }
}
