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

    private final List<SendHandler> writes = new ArrayList<>();
    private volatile boolean open = true;
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

    /** A session whose asynchronous writes wait in {@link #writes} until completed. */
    private Session session() {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        writes.add((SendHandler) args[1]);
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
