package com.erp.routes.websocket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.websocket.server.ServerContainer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code websocket-jsr356:/path}: WebSocket endpoints on the application's own servlet container (JSR-356,
 * {@code jakarta.websocket}), driven by Camel routes. Camel 3's component of this name was javax-only and
 * was removed in Camel 4; this is the project's own, small replacement.
 * <ul>
 *   <li>consumer: each text message a client sends, with the sender's user and session id as headers</li>
 *   <li>producer: the body goes to all sessions of the user in header {@value WebsocketJsr356Constants#USER},
 *   or to the session in {@value WebsocketJsr356Constants#SESSION_ID}, or, with {@code sendToAll=true}, to
 *   every session of the path</li>
 * </ul>
 * Handshakes must carry an authenticated principal; connections without one are closed on open.
 */
@Component("websocket-jsr356")
public class WebsocketJsr356Component extends DefaultComponent {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebsocketJsr356Component.class);

    private final WsPathRegistry registry;
    private Duration pingInterval = Duration.ofSeconds(25);
    private Duration maxSilence = Duration.ofSeconds(60);
    private ScheduledExecutorService heartbeat;

    public WebsocketJsr356Component(Supplier<ServerContainer> container) {
        this.registry = new WsPathRegistry(container);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String path = remaining.startsWith("/") ? remaining : "/" + remaining;
        WebsocketJsr356Endpoint endpoint = new WebsocketJsr356Endpoint(uri, this, path);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * Every {@code interval} each session is pinged, and closed when nothing was heard from it (an answer to a ping, a
     * message) for longer than {@code maxSilence} while a ping written to it an interval ago or more went unanswered.
     * The pings also keep proxies from cutting a quiet connection.
     */
    public void setHeartbeat(Duration interval, Duration maxSilence) {
        if (interval.isNegative() || interval.isZero() || maxSilence.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("the WebSocket heartbeat needs a positive ping interval (" + interval
                    + ") shorter than the silence a client is allowed (" + maxSilence + ")");
        }
        this.pingInterval = interval;
        this.maxSilence = maxSilence;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        heartbeat = getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "websocket-heartbeat");
        long silence = maxSilence.toNanos();
        // a ping written has a ping interval to be answered
        long answerWithin = pingInterval.toNanos();
        heartbeat.scheduleWithFixedDelay(() -> {
            try {
                registry.beat(silence, answerWithin);
            } catch (RuntimeException e) {
                // a task that throws is never run again: the next beat tries anew
                LOG.warn("WebSocket heartbeat: {}", e.toString());
            }
        }, pingInterval.toMillis(), pingInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (heartbeat != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(heartbeat);
            heartbeat = null;
        }
        super.doStop();
    }

    WsPath deploy(String path) {
        return registry.deploy(path);
    }

    /**
     * How to tell that a session's token was refused since its handshake was let through (user, token version, token
     * id; either null if the token had none): such a session is closed as it opens.
     */
    public void refuseRevoked(RevokedCheck check) {
        registry.refuseRevoked(check);
    }

    RevokedCheck revokedCheck() {
        return registry.revokedCheck();
    }

    /** Closes {@code user}'s open sessions whose token the revocation refuses. */
    public void closeSessions(String user, com.erp.routes.common.events.TokenRevocation revocation) {
        registry.closeSessions(user, revocation);
    }
}
