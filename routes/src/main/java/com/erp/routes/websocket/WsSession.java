package com.erp.routes.websocket;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.websocket.Session;

/**
 * One connected client. Sends are serialised per session: JSR-356's basic remote endpoint fails with
 * TEXT_FULL_WRITING when two threads write to the same session at once.
 */
final class WsSession {

    private final Session session;
    private final String user;
    /** The token version it opened with (null: not known), to close it when such tokens are revoked. */
    private final Long tokenVersion;
    private final ReentrantLock sendLock = new ReentrantLock();

    WsSession(Session session, String user) {
        this(session, user, null);
    }

    WsSession(Session session, String user, Long tokenVersion) {
        this.session = session;
        this.user = user;
        this.tokenVersion = tokenVersion;
    }

    Long tokenVersion() {
        return tokenVersion;
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

    void send(String text) throws IOException {
        sendLock.lock();
        try {
            session.getBasicRemote().sendText(text);
        } finally {
            sendLock.unlock();
        }
    }

    void closeQuietly() {
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // already gone
        }
    }

    /** Closes it as a policy violation: the token it opened with is revoked. */
    void closeRevoked() {
        try {
            session.close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.VIOLATED_POLICY,
                    "token revoked"));
        } catch (IOException | RuntimeException e) {
            // already gone
        }
    }
}
