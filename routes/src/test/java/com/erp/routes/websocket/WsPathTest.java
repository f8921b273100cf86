package com.erp.routes.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

class WsPathTest {

    @Test
    void aUsersSessionsAreFoundByUserAndGoneOnceClosed() {
        WsPath path = new WsPath("/ws/notifications");
        path.add(new WsSession(session("a"), "7"));
        path.add(new WsSession(session("b"), "7"));
        path.add(new WsSession(session("c"), "8"));

        assertThat(path.ofUser("7")).extracting(WsSession::id).containsExactlyInAnyOrder("a", "b");
        path.remove("a");
        path.remove("b");
        assertThat(path.ofUser("7")).isEmpty();
        assertThat(path.ofUser("8")).extracting(WsSession::id).containsExactly("c");
    }

    /**
     * A page reloaded: its old socket closes while the new one opens, on two threads. The new one must stay
     * findable by user (notifications, closing it on a revocation), whichever way the two interleave.
     */
    @Test
    void aSessionOpenedWhileTheUsersLastOtherOneClosesIsFoundByUser() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20_000; i++) {
                WsPath path = new WsPath("/ws/notifications");
                path.add(new WsSession(session("old-" + i), "7"));
                CyclicBarrier together = new CyclicBarrier(2);
                String opened = "new-" + i;
                CompletableFuture<Void> open = CompletableFuture.runAsync(() -> {
                    await(together);
                    path.add(new WsSession(session(opened), "7"));
                }, threads);
                String closed = "old-" + i;
                CompletableFuture<Void> close = CompletableFuture.runAsync(() -> {
                    await(together);
                    path.remove(closed);
                }, threads);
                CompletableFuture.allOf(open, close).get(10, TimeUnit.SECONDS);

                assertThat(path.ofUser("7")).as("round %d", i).extracting(WsSession::id).containsExactly(opened);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** One user's sockets are capped: a newer one closes their oldest, and other users' are not touched. */
    @Test
    void pastTheMostOneUserKeepsANewSessionClosesTheirOldest() throws Exception {
        WsPath path = new WsPath("/ws/notifications", s -> false, 3);
        java.util.Set<String> closed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        path.add(new WsSession(session("other"), "8"));
        for (String id : new String[] {"s1", "s2", "s3", "s4", "s5"}) {
            path.add(new WsSession(closable(id, closed), "7", null, null, () -> path.remove(id)));
            path.capUser("7");
        }
        assertThat(path.ofUser("7")).extracting(WsSession::id).containsExactlyInAnyOrder("s3", "s4", "s5");
        assertThat(path.ofUser("8")).extracting(WsSession::id).containsExactly("other");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (closed.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // with the code a client takes as final (the UI does not reconnect and push out the next)
        assertThat(closed).containsExactlyInAnyOrder("s1:4008", "s2:4008");
    }

    /** A session that notes its closing (on the closing threads) in {@code closed}. */
    private static Session closable(String id, java.util.Set<String> closed) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "close" -> {
                        jakarta.websocket.CloseReason why = (jakarta.websocket.CloseReason) args[0];
                        closed.add(id + ":" + why.getCloseCode().getCode());
                        yield null;
                    }
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSR-356 session that has an id and nothing else (WsPath asks it for nothing more). */
    private static Session session(String id) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    case "toString" -> "session " + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
