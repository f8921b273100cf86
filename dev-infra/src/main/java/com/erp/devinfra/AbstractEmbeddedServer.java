package com.erp.devinfra;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start/stop bookkeeping every embedded server shares: idempotent, thread-safe, and quiet about stopping. */
abstract class AbstractEmbeddedServer implements EmbeddedServer {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private boolean running;

    @Override
    public final synchronized void start() throws Exception {
        if (running) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                doStart();
                running = true;
                executable().ifPresent(ServerWatchdog::guardChildren);
                return;
            } catch (Exception e) {
                if (attempt >= 3 || !textFileBusy(e)) {
                    throw e;
                }
                // Servers start in parallel: a process forked for another one meanwhile can inherit the descriptor
                // this one's binary was just written through, and exec then fails with ETXTBSY until it is closed.
                log.info("{} binary busy ({}), starting it again", kind(), e.toString());
                Thread.sleep(200L * attempt);
            }
        }
    }

    static boolean textFileBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Text file busy")) {
                return true;
            }
        }
        return false;
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
            ServerWatchdog.releaseStopped();
        }
    }

    /** The name of the server's own executable, when it runs as a process of its own ({@link ServerWatchdog}). */
    protected Optional<String> executable() {
        return Optional.empty();
    }

    @Override
    public final synchronized boolean isRunning() {
        return running;
    }

    protected abstract void doStart() throws Exception;

    protected abstract void doStop() throws Exception;
}
