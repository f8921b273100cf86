package com.erp.routes.websocket;

import java.util.Map;
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

    private final WsPathRegistry registry;

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
