package com.erp.devinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a server process this JVM started (mariadbd, redis-server) die with the JVM, however the JVM dies. A JVM
 * that is killed (SIGKILL, OOM killer, a test fork over its time limit) runs no shutdown hook, so its servers would
 * live on, holding their ports and data folders. The watchdog is a small shell that waits on a pipe from this JVM:
 * the pipe closes when the JVM is gone, for whatever reason, and the shell then stops the server (TERM, then KILL
 * after 10 s). A server stopped normally first {@link #release()}s its watchdog, which then exits quietly.
 */
final class ServerWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWatchdog.class);
    private static final Path SHELL = Path.of("/bin/sh");
    private static final String SCRIPT = """
            read line
            [ "$line" = release ] && exit 0
            kill -TERM "$1" 2>/dev/null
            i=0
            while [ $i -lt 20 ] && kill -0 "$1" 2>/dev/null; do sleep 0.5; i=$((i+1)); done
            kill -KILL "$1" 2>/dev/null
            exit 0
            """;

    /** server process id → its watchdog */
    private static final Map<Long, ServerWatchdog> GUARDED = new LinkedHashMap<>();

    private final Process shell;

    private ServerWatchdog(Process shell) {
        this.shell = shell;
    }

    /**
     * Guards every process this JVM started whose executable's name starts with {@code executable} and that has no
     * watchdog yet. Called after a server started, so a server of another set that starts at the same time may be
     * guarded by this call instead of its own: either way, each gets one.
     */
    static synchronized void guardChildren(String executable) {
        ProcessHandle.current().children()
                .filter(p -> !GUARDED.containsKey(p.pid()))
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith(executable)).orElse(false))
                .forEach(p -> guard(p).ifPresent(w -> GUARDED.put(p.pid(), w)));
    }

    /** Releases the watchdogs of servers that have stopped, so none of them ever signals a recycled process id. */
    static synchronized void releaseStopped() {
        for (Iterator<Map.Entry<Long, ServerWatchdog>> it = GUARDED.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, ServerWatchdog> e = it.next();
            if (ProcessHandle.of(e.getKey()).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            e.getValue().release();
            it.remove();
        }
    }

    /** Process ids of the watchdogs running now. */
    static synchronized List<Long> watchdogPids() {
        return GUARDED.values().stream().map(ServerWatchdog::pid).toList();
    }

    /** Guards {@code server}; empty where there is no POSIX shell (the servers then end as before). */
    private static Optional<ServerWatchdog> guard(ProcessHandle server) {
        if (!Files.isExecutable(SHELL)) {
            return Optional.empty();
        }
        try {
            Process shell = new ProcessBuilder(SHELL.toString(), "-c", SCRIPT, "erp-server-watchdog",
                    String.valueOf(server.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new ServerWatchdog(shell));
        } catch (IOException e) {
            LOG.warn("no watchdog for server process {}: {}", server.pid(), e.toString());
            return Optional.empty();
        }
    }

    private long pid() {
        return shell.pid();
    }

    /** The server was stopped normally: the watchdog exits without touching anything. */
    private void release() {
        try (OutputStream in = shell.getOutputStream()) {
            in.write("release\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the shell is gone already
        }
    }
}
