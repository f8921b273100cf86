package com.erp.routes.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

/**
 * How far behind a session may fall, in messages and in bytes, against a session whose writes complete only when the
 * test says so (the container's asynchronous send, held).
 */
class WsSessionTest {

    /** 100,000 characters: 200,000 bytes as the limit counts them. */
    private static final String LARGE = "x".repeat(100_000);
    private static final WsSession.Limit LIMIT = new WsSession.Limit(1000, 500_000);

    private final List<SendHandler> writes = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The threads the messages were written on. */
    private final List<Thread> writers = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean open = true;
    /** The threads pings were written on; a ping's write holds until {@link #pingWritten} opens. */
    private final List<Thread> pings = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.CountDownLatch pingWritten = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.Semaphore pingStarted = new java.util.concurrent.Semaphore(0);
    private final WsSession session = new WsSession(session(), "7");

    @Test
    void waitingMessagesMayTakeUpToTheLimitInBytes() {
        assertThat(session.offer(LARGE, LIMIT)).as("written at once").isTrue();
        assertThat(session.offer(LARGE, LIMIT)).isTrue();
        assertThat(session.offer(LARGE, LIMIT)).as("400,000 bytes waiting").isTrue();
        assertThat(session.backlog()).isEqualTo(2);
        assertThat(session.offer(LARGE, LIMIT)).as("600,000 would wait").isFalse();
        assertThat(session.offer("{}", LIMIT)).as("dropped: nothing more is queued").isFalse();
    }

    @Test
    void whatWasWrittenNoLongerCounts() {
        for (int round = 0; round < 5; round++) {
            assertThat(session.offer(LARGE, LIMIT)).isTrue();
            assertThat(session.offer(LARGE, LIMIT)).isTrue();
            assertThat(session.offer(LARGE, LIMIT)).as("round %d: two waiting again", round).isTrue();
            while (!writes.isEmpty()) { // the client reads all three
                writes.remove(0).onResult(new SendResult());
            }
            assertThat(session.backlog()).isZero();
        }
        assertThat(session.offer("{}", LIMIT)).as("still open").isTrue();
    }

    @Test
    void aSingleMessageLargerThanTheLimitWaitsRatherThanClosing() {
        String huge = "y".repeat(300_000); // 600,000 bytes
        assertThat(session.offer("{}", LIMIT)).isTrue();
        assertThat(session.offer(huge, LIMIT)).as("alone in the queue").isTrue();
        assertThat(session.offer("{}", LIMIT)).as("nothing more beside it").isFalse();
    }

    @Test
    void moreMessagesThanTheLimitCloseItToo() {
        WsSession.Limit three = new WsSession.Limit(3, 500_000);
        assertThat(session.offer("{}", three)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(session.offer("{}", three)).isTrue();
        }
        assertThat(session.offer("{}", three)).isFalse();
    }

    private static final long SECOND = 1_000_000_000L;

    /**
     * A ping takes the session's turn to write: what is sent while it is written waits, and is written by the ping's
     * thread after it, so the sender (the delivery thread) never waits on Tomcat's blocking ping to a client.
     */
    @Test
    void whatIsSentWhileAPingIsWrittenFollowsItOnThePingsThread() throws Exception {
        session.beat(System.nanoTime(), 60 * SECOND, SECOND);
        assertThat(pingStarted.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS)).as("pinged").isTrue();
        assertThat(session.offer("{}", LIMIT)).isTrue();
        assertThat(writes).as("not written beside the ping").isEmpty();
        assertThat(session.backlog()).isEqualTo(1);
        pingWritten.countDown();
        long deadline = System.nanoTime() + 5 * SECOND;
        while (writes.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(writes).as("written once the ping was").hasSize(1);
        assertThat(writers.get(0)).as("by the ping's thread, not the sender's").isSameAs(pings.get(0))
                .isNotEqualTo(Thread.currentThread());
    }

    /** No ping while a message is written: it would wait for that write, on a client that may not read. */
    @Test
    void aSessionBeingWrittenToIsNotPinged() throws Exception {
        pingWritten.countDown();
        assertThat(session.offer("{}", LIMIT)).isTrue(); // its write not completed
        session.beat(System.nanoTime(), 60 * SECOND, SECOND);
        assertThat(pingStarted.tryAcquire(300, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
        writes.remove(0).onResult(new SendResult());
        session.beat(System.nanoTime(), 60 * SECOND, SECOND);
        assertThat(pingStarted.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS)).as("pinged once written").isTrue();
    }

    /**
     * Silent for longer than allowed, it is closed only once a ping sent to it after it was last heard from went
     * unanswered for the time given to answer: not before any ping was written, nor for a ping heard from since.
     */
    @Test
    void aSessionIsClosedOnlyForAPingWrittenAndUnanswered() throws Exception {
        pingWritten.countDown();
        long t0 = session.pingedAt(); // when it opened
        session.beat(t0 + 120 * SECOND, 60 * SECOND, SECOND);
        assertThat(session.stopped()).as("silent, but never pinged: pinged now").isFalse();
        pingedAfter(t0);

        session.beat(t0 + 150 * SECOND, 60 * SECOND, 120 * SECOND);
        assertThat(session.stopped()).as("its ping not yet given the time to answer").isFalse();
        pingedAfter(t0 + 120 * SECOND);

        session.heard(t0 + 160 * SECOND); // the pong
        session.beat(t0 + 221 * SECOND, 60 * SECOND, SECOND);
        assertThat(session.stopped()).as("heard from since its last ping").isFalse();
        pingedAfter(t0 + 150 * SECOND);

        session.beat(t0 + 250 * SECOND, 60 * SECOND, SECOND);
        assertThat(session.stopped()).as("silent past the limit, its ping unanswered").isTrue();
        assertThat(session.offer("{}", LIMIT)).isFalse();
    }

    /**
     * A ping waiting for a pinging thread (both busy with clients whose pings do not go out) holds up none of its
     * session's messages: it takes the session's turn to write only once a thread writes it.
     */
    @Test
    void aPingWaitingForAThreadHoldsUpNoMessage() throws Exception {
        WsSession stalled1 = new WsSession(session(), "8");
        WsSession stalled2 = new WsSession(session(), "9");
        long now = System.nanoTime();
        stalled1.beat(now, 60 * SECOND, SECOND);
        stalled2.beat(now, 60 * SECOND, SECOND);
        assertThat(pingStarted.tryAcquire(2, 5, java.util.concurrent.TimeUnit.SECONDS)).as("both threads held").isTrue();
        session.beat(now, 60 * SECOND, SECOND); // its ping waits for a thread
        assertThat(session.offer("{}", LIMIT)).isTrue();
        assertThat(writes).as("written at once").hasSize(1);
        pingWritten.countDown();
    }

    /** Waits for a ping sent after {@code after} to be written. */
    private void pingedAfter(long after) throws InterruptedException {
        long deadline = System.nanoTime() + 5 * SECOND;
        while ((session.pingedAt() - after <= 0 || session.writing()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(session.pingedAt() - after).as("pinged").isPositive();
        assertThat(session.writing()).as("done with the ping").isFalse();
    }

    /** A session whose asynchronous writes wait in {@link #writes} until completed. */
    private Session session() {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        writers.add(Thread.currentThread());
                        writes.add((SendHandler) args[1]);
                    } else if (method.getName().equals("sendPing")) {
                        pings.add(Thread.currentThread());
                        pingStarted.release();
                        pingWritten.await(); // Tomcat's ping: written blocking
                    }
                    return null;
                });
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "isOpen" -> open;
                    case "getId" -> "s1";
                    case "close" -> {
                        open = false;
                        yield null;
                    }
                    default -> null;
                });
    }
}
