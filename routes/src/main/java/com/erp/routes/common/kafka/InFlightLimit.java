package com.erp.routes.common.kafka;

import java.util.concurrent.Semaphore;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * At most {@code max} exchanges past this point at once: the one that would be one more waits (blocking its thread)
 * until one of them has completed, whether it succeeded or failed. For a consumer whose sends Kafka answers
 * asynchronously: without it, a slow broker lets sends pile up, each holding its exchange, until the producer's
 * buffer is full; with it, the consumer's queue fills instead and its senders leave their events to the relay.
 */
public final class InFlightLimit implements Processor {

    private final int max;
    private final Semaphore permits;

    public InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one exchange must be let through, not " + max);
        }
        this.max = max;
        this.permits = new Semaphore(max);
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        permits.acquire();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                permits.release();
            }
        });
    }

    /** How many exchanges are past this point now. */
    public int inFlight() {
        return max - permits.availablePermits();
    }
}
