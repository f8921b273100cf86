package com.erp.routes.websocket;

import java.util.ArrayDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client and its outgoing messages. A send only queues: the messages are written one after another
 * without blocking whoever sent them, so one client that reads slowly, or not at all, delays nobody else's
 * notifications (a blocking write held the single delivery thread for everybody). A client that falls
 * {@linkplain Limit too far behind} (in messages or in the memory they take), or whose write does not complete within
 * the send timeout, is closed; it reconnects and catches up from its stored inbox.
 */
final class WsSession {

    private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);

    /**
     * Closes sessions: a close frame to a client that does not read waits until the container gives up on it (its
     * blocking send timeout), so closes are not made on the thread that decided them (the delivery thread, a Kafka
     * consumer's, the timers'). Bounded: a mass stall queues its closes rather than start a thread for each.
     */
    private static final ThreadPoolExecutor CLOSER = pool(4, "websocket-close");
    /** Writes the heartbeat's pings (Tomcat writes them blocking too); apart, so that no close waits behind a ping. */
    private static final ThreadPoolExecutor PINGER = pool(2, "websocket-ping");

    private static ThreadPoolExecutor pool(int threads, String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static final java.util.concurrent.atomic.AtomicLong OPENED = new java.util.concurrent.atomic.AtomicLong();

    private final Session session;
    private final String user;
    /** The token version it opened with (null: not known), to close it when such tokens are revoked. */
    private final Long tokenVersion;
    /** The id of the token it opened with (null: none), to close it when that token is logged out of. */
    private final String tokenId;
    /** Told when this session drops itself (a write failed or timed out), so that nothing is queued for it again. */
    private final Runnable onDrop;
    private final long opened = OPENED.incrementAndGet();
    /** Messages waiting while one is written; guarded by itself, as are pendingBytes, writing and dropped. */
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private long pendingBytes;
    private boolean writing;
    private boolean dropped;
    /** When it was last heard from (a message, the answer to a ping), in {@link System#nanoTime()}. */
    private volatile long heard = System.nanoTime();
    /** When the latest ping written to it was sent (the beat's time, as {@link #heard}; when it opened, before any). */
    private volatile long pinged = heard;
    /** Whether a ping of it waits for, or is on, a pinging thread: one at a time; guarded by pending. */
    private boolean pingQueued;

    WsSession(Session session, String user) {
        this(session, user, null, null, () -> { });
    }

    WsSession(Session session, String user, Long tokenVersion, String tokenId, Runnable onDrop) {
        this.session = session;
        this.user = user;
        this.tokenVersion = tokenVersion;
        this.tokenId = tokenId;
        this.onDrop = onDrop;
    }

    Long tokenVersion() {
        return tokenVersion;
    }

    String tokenId() {
        return tokenId;
    }

    String id() {
        return session.getId();
    }

    String user() {
        return user;
    }

    boolean isOpen() {
        return session.isOpen();
    }

    /**
     * How far behind a session may fall: at most {@code messages} waiting while one is written, taking at most
     * {@code bytes} of memory (two a character: a few large messages weigh as much as many small ones), unless a
     * single one does.
     */
    record Limit(int messages, long bytes) {
    }

    /** The memory a waiting message takes, as {@link Limit#bytes} counts it. */
    private static long bytes(String text) {
        return 2L * text.length();
    }

    /**
     * Queues {@code text} to be written after those queued before it. False when the session is closed, or the
     * message would put it beyond {@code limit}: then it is dropped and closed.
     */
    boolean offer(String text, Limit limit) {
        String tooFarBehind = null;
        synchronized (pending) {
            if (dropped || !session.isOpen()) {
                return false;
            }
            if (writing) {
                if (pending.size() >= limit.messages()) {
                    tooFarBehind = limit.messages() + " messages behind";
                } else if (!pending.isEmpty() && pendingBytes + bytes(text) > limit.bytes()) {
                    // one waiting message is always let in, however large: it alone says nothing of the client
                    tooFarBehind = "more than " + limit.bytes() + " bytes behind";
                } else {
                    pending.add(text);
                    pendingBytes += bytes(text);
                    return true;
                }
            } else {
                writing = true;
            }
        }
        if (tooFarBehind != null) {
            drop(tooFarBehind);
            return false;
        }
        write(text);
        return true;
    }

    /** How many messages wait behind the one being written. */
    int backlog() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private void write(String text) {
        try {
            session.getAsyncRemote().sendText(text, this::written);
        } catch (RuntimeException e) {
            drop(e.toString());
        }
    }

    private void written(SendResult result) {
        if (!result.isOK()) {
            drop(String.valueOf(result.getException()));
            return;
        }
        writeNext();
    }

    /** Writes the next message waiting, if one does; else it is writing no more. */
    private void writeNext() {
        String next;
        synchronized (pending) {
            next = pending.poll();
            if (next == null) {
                writing = false;
                return;
            }
            pendingBytes -= bytes(next);
        }
        // Tomcat reports a write's result on a container thread, not inside the sendText call that started it
        // (only when its pool refuses the task, at shutdown), so writing the next from here does not nest
        write(next);
    }

    private void drop(String why) {
        drop("it does not keep up (" + why + ")", new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow"));
    }

    /** Stops it, takes it off its path and closes it, saying {@code why}; once. */
    private void drop(String why, CloseReason reason) {
        if (stop()) {
            LOG.info("closing the WebSocket session {} of user {}: {}", id(), user, why);
            onDrop.run();
            closeLater(session, reason);
        }
    }

    /** Whether it was stopped (closed, dropped): nothing more is written to it. */
    boolean stopped() {
        synchronized (pending) {
            return dropped;
        }
    }

    /** Nothing more is queued or written; true for the first to stop it. */
    private boolean stop() {
        synchronized (pending) {
            if (dropped) {
                return false;
            }
            dropped = true;
            pending.clear();
            pendingBytes = 0;
            return true;
        }
    }

    /** Closes it as a policy violation: the token it opened with is revoked. Nothing queued for it is written. */
    void closeRevoked() {
        close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "token revoked"));
    }

    /** Closes it as a policy violation: the token it opened with expired. Nothing queued for it is written. */
    void closeExpired() {
        close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "token expired"));
    }

    /**
     * Closes it for a newer session of its user, past the most one user keeps open. Nothing queued is written. With
     * its own code ({@value #SUPERSEDED}), which a client takes as final: one that reconnected would push out the
     * next oldest, and the user's pages would close each other for ever.
     */
    void closeSuperseded() {
        close(new CloseReason(CloseReason.CloseCodes.getCloseCode(SUPERSEDED), "opened elsewhere"));
    }

    /** The close code of a session pushed out by newer ones of its user (an application's code: 4000-4999). */
    static final int SUPERSEDED = 4008;

    private void close(CloseReason reason) {
        stop();
        onDrop.run();
        closeLater(session, reason);
    }

    /**
     * The client spoke at {@code at} ({@link System#nanoTime()}): a message, or the pong that answers a ping (browsers
     * answer pings by themselves).
     */
    void heard(long at) {
        heard = at;
    }

    /**
     * One beat of the heartbeat, at {@code now} ({@link System#nanoTime()}). Closed when nothing was heard from it for
     * longer than {@code maxSilenceNanos} although a ping sent since has had {@code answerWithinNanos} to be answered
     * (a laptop gone to sleep, a network that dropped it without a word: it would hold its session, and the messages
     * queued for it, until a write timed out or its token expired). Else pinged, unless a message is being written: the
     * ping then waits for the next beat, and a write that does not complete drops it after the send timeout anyway.
     */
    void beat(long now, long maxSilenceNanos, long answerWithinNanos) {
        long lastHeard = heard;
        long lastPinged = pinged;
        if (now - lastHeard > maxSilenceNanos && lastPinged - lastHeard > 0 && now - lastPinged >= answerWithinNanos) {
            drop("nothing heard from it for " + TimeUnit.NANOSECONDS.toMillis(now - lastHeard) + " ms",
                    new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no answer to pings"));
            return;
        }
        synchronized (pending) {
            if (dropped || writing || pingQueued || !session.isOpen()) {
                return;
            }
            pingQueued = true;
        }
        PINGER.execute(() -> ping(now));
    }

    /** Whether a message or a ping is being written. */
    boolean writing() {
        synchronized (pending) {
            return writing;
        }
    }

    /** When the latest ping written was sent ({@link System#nanoTime()}; when it opened, before any). */
    long pingedAt() {
        return pinged;
    }

    /**
     * Writes a ping, sent by the beat at {@code beat} (its time: a pong, however soon, is heard after it). The ping takes
     * the session's turn to write like a message does, once a thread writes it (a ping waiting for one holds up none of
     * the session's messages): Tomcat writes pings blocking, and a message sent while one is written would wait for it,
     * so the delivery thread would wait on a client that does not read. What is sent meanwhile queues, and follows it.
     */
    private void ping(long beat) {
        synchronized (pending) {
            pingQueued = false;
            if (dropped || writing || !session.isOpen()) {
                return;
            }
            writing = true;
        }
        try {
            session.getAsyncRemote().sendPing(java.nio.ByteBuffer.allocate(0));
        } catch (java.io.IOException | RuntimeException e) {
            if (session.isOpen()) { // else the client closed it meanwhile, and its endpoint forgets it
                drop("a ping failed: " + e);
            }
            return;
        }
        pinged = beat;
        writeNext();
    }

    /** In the order sessions opened in this process: the oldest of a user's goes first. */
    long opened() {
        return opened;
    }

    /** Closes a session on the closing threads, not on the caller's. */
    static void closeLater(Session session, CloseReason reason) {
        CLOSER.execute(() -> {
            try {
                session.close(reason);
            } catch (java.io.IOException | RuntimeException e) {
                // already gone
            }
        });
    }
}
