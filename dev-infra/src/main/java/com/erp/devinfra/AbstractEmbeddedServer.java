package com.erp.devinfra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start/stop bookkeeping every embedded server shares: idempotent, thread-safe, and quiet about stopping. */
abstract class AbstractEmbeddedServer implements EmbeddedServer {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private boolean running;

    @Override
    public final synchronized void start() throws Exception {
        if (!running) {
            doStart();
            running = true;
        }
    }

    @Override
    public final synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            doStop();
        } catch (Exception e) {
            log.warn("{} did not stop cleanly: {}", kind(), e.toString());
        } finally {
            running = false;
        }
    }

    @Override
    public final synchronized boolean isRunning() {
        return running;
    }

    protected abstract void doStart() throws Exception;

    protected abstract void doStop() throws Exception;
}
