package com.erp.routes.websocket;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The live state of one WebSocket path: its sessions, indexed by id and by user, and the consumer (if a
 * route consumes from it) that inbound messages go to. A JSR-356 endpoint cannot be removed, so this lives
 * as long as the application and routes attach to and detach from it.
 */
final class WsPath {

    private final String path;
    private final Map<String, WsSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> sessionsByUser = new ConcurrentHashMap<>();
    private final Predicate<WsSession> revoked;
    private final int maxPerUser;
    private volatile WebsocketJsr356Consumer consumer;

    WsPath(String path) {
        this(path, s -> false, DEFAULT_MAX_PER_USER);
    }

    /** Sessions one user keeps open on a path (tabs, devices): a newer one closes the oldest past it. */
    static final int DEFAULT_MAX_PER_USER = 8;

    /**
     * @param revoked    whether a session's token is refused by now (revocations read since its handshake)
     * @param maxPerUser sessions one user keeps open here; a newer one closes their oldest, so that one token cannot
     *                   hold the server's connections (nor a client that reconnects without closing, its leftovers)
     */
    WsPath(String path, Predicate<WsSession> revoked, int maxPerUser) {
        this.path = path;
        this.revoked = revoked;
        this.maxPerUser = maxPerUser;
    }

    boolean revoked(WsSession session) {
        return revoked.test(session);
    }

    String path() {
        return path;
    }

    void add(WsSession session) {
        sessions.put(session.id(), session);
        // inside compute, not on the set computeIfAbsent returned: a remove of the user's last other session may
        // empty and drop that set meanwhile (a page reloaded: the old socket closes as the new one opens)
        sessionsByUser.compute(session.user(), (u, ids) -> {
            Set<String> held = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            held.add(session.id());
            return held;
        });
    }

    /**
     * Closes {@code user}'s oldest sessions past the most one user keeps here. Called once a new session is known to
     * stay (its token not revoked meanwhile): a refused one must not push out a valid one.
     */
    void capUser(String user) {
        List<WsSession> theirs = ofUser(user);
        if (theirs.size() > maxPerUser) {
            theirs.stream().sorted(java.util.Comparator.comparingLong(WsSession::opened))
                    .limit(theirs.size() - maxPerUser).forEach(WsSession::closeSuperseded);
        }
    }

    void remove(String sessionId) {
        WsSession removed = sessions.remove(sessionId);
        if (removed != null) {
            sessionsByUser.computeIfPresent(removed.user(), (u, ids) -> {
                ids.remove(sessionId);
                return ids.isEmpty() ? null : ids;
            });
        }
    }

    List<WsSession> ofUser(String user) {
        Set<String> ids = sessionsByUser.get(user);
        return ids == null ? List.of() : ids.stream().map(sessions::get).filter(s -> s != null).toList();
    }

    List<WsSession> byId(String sessionId) {
        WsSession s = sessions.get(sessionId);
        return s == null ? List.of() : List.of(s);
    }

    List<WsSession> all() {
        return List.copyOf(sessions.values());
    }

    int size() {
        return sessions.size();
    }

    WebsocketJsr356Consumer consumer() {
        return consumer;
    }

    void attach(WebsocketJsr356Consumer c) {
        if (consumer != null && consumer != c) {
            throw new IllegalStateException("path " + path + " already has a consumer: " + consumer.getEndpoint());
        }
        consumer = c;
    }

    void detach(WebsocketJsr356Consumer c) {
        if (consumer == c) {
            consumer = null;
        }
    }
}
