package com.erp.routes.websocket;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSR-356 endpoint instance of one connection: registers the session and hands text to the consumer. */
final class CamelWsServerEndpoint extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(CamelWsServerEndpoint.class);
    /** How long one message's write to a client may take before that client is dropped. */
    static final long SEND_TIMEOUT_MS = 10_000;
    /** How long a blocking write (a close frame, the answer to a ping) may wait on a client that does not read. */
    private static final long BLOCKING_SEND_TIMEOUT_MS = 5000;

    /**
     * Closes connections whose token expired (one timer thread for all of them). A connection closed earlier cancels
     * its timer, which is then removed at once: kept until its delay ran out (the default), each would hold its
     * closed session for up to the token's lifetime.
     */
    static final ScheduledThreadPoolExecutor EXPIRY = expiryTimer();

    private static ScheduledThreadPoolExecutor expiryTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "websocket-token-expiry");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private final WsPath path;
    private volatile ScheduledFuture<?> expiry;

    CamelWsServerEndpoint(WsPath path) {
        this.path = path;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        String user = (String) config.getUserProperties().get(HandshakeAuthenticator.USER_PROPERTY);
        if (user == null) {
            // The handshake carried no authenticated principal: refuse the connection.
            close(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "authentication required"));
            return;
        }
        session.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", BLOCKING_SEND_TIMEOUT_MS);
        session.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MS);
        WsSession ws = new WsSession(session, user,
                (Long) config.getUserProperties().get(HandshakeAuthenticator.TOKEN_VERSION_PROPERTY),
                (String) config.getUserProperties().get(HandshakeAuthenticator.TOKEN_ID_PROPERTY),
                () -> path.remove(session.getId()));
        Instant expires = (Instant) config.getUserProperties().get(HandshakeAuthenticator.EXPIRES_PROPERTY);
        if (expires != null) {
            long delay = Math.max(0, Duration.between(Instant.now(), expires).toMillis());
            // set before the session is registered, so that whatever closes it from then on cancels it (forget);
            // the session stops at once and leaves its path (nothing more is queued for it), its close waits its turn
            // on the closing threads (one client that does not read would hold up every other expiry)
            expiry = EXPIRY.schedule(ws::closeExpired, delay, TimeUnit.MILLISECONDS);
        }
        path.add(ws);
        if (ws.stopped()) {
            // expired in the meantime (a token within the validator's clock skew of its end): its drop found nothing
            // to take off the path yet
            path.remove(session.getId());
            return;
        }
        // A revocation read between the handshake's token check and here closed the user's sessions without this
        // one; checked after adding it, so one read from now on finds it registered.
        if (path.revoked(ws)) {
            ws.closeRevoked();
            return;
        }
        path.capUser(user);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> onText(ws, text));
        // the answers to the heartbeat's pings: the client is still there
        session.addMessageHandler(PongMessage.class,
                (MessageHandler.Whole<PongMessage>) pong -> ws.heard(System.nanoTime()));
        LOG.debug("websocket open on {} for user {} (session {})", path.path(), user, session.getId());
    }

    private void onText(WsSession ws, String text) {
        ws.heard(System.nanoTime());
        WebsocketJsr356Consumer consumer = path.consumer();
        if (consumer == null) {
            LOG.debug("no route consumes {}; dropping a message from user {}", path.path(), ws.user());
            return;
        }
        consumer.onMessage(ws, text);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        forget(session);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.debug("websocket error on {} (session {}): {}", path.path(), session.getId(), failure.toString());
        forget(session);
    }

    private void forget(Session session) {
        path.remove(session.getId());
        ScheduledFuture<?> pending = expiry;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (Exception e) {
            // nothing more to do
        }
    }
}
