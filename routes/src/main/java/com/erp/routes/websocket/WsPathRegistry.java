package com.erp.routes.websocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Deploys each WebSocket path on the servlet container exactly once per application. Deploying a path twice
 * is not only an error: Tomcat then refuses every later deployment and drops all WebSocket paths until a
 * restart. JSR-356 has no way to remove an endpoint, so a path stays deployed while routes come and go.
 */
final class WsPathRegistry {

    private final Supplier<ServerContainer> container;
    private final Map<String, WsPath> paths = new ConcurrentHashMap<>();
    /** Whether a session's token is refused by now: none until told. */
    private volatile RevokedCheck revoked = (user, tokenVersion, tokenId) -> false;

    WsPathRegistry(Supplier<ServerContainer> container) {
        this.container = container;
    }

    WsPath deploy(String path) {
        return paths.computeIfAbsent(path, this::doDeploy);
    }

    void refuseRevoked(RevokedCheck check) {
        revoked = check;
    }

    RevokedCheck revokedCheck() {
        return revoked;
    }

    /** Closes {@code user}'s sessions, on every path, opened with a token the revocation refuses. */
    void closeSessions(String user, com.erp.routes.common.events.TokenRevocation revocation) {
        paths.values().forEach(p -> p.ofUser(user).stream()
                .filter(s -> s.tokenVersion() == null || revocation.refuses(s.tokenVersion(), s.tokenId()))
                .forEach(WsSession::closeRevoked));
    }

    /** One beat of the heartbeat over every path's sessions ({@link WsSession#beat}). */
    void beat(long maxSilenceNanos, long answerWithinNanos) {
        long now = System.nanoTime();
        paths.values().forEach(p -> p.all().forEach(s -> s.beat(now, maxSilenceNanos, answerWithinNanos)));
    }

    private WsPath doDeploy(String path) {
        ServerContainer server = container.get();
        if (server == null) {
            throw new IllegalStateException("no JSR-356 ServerContainer: websocket-jsr356 needs a servlet container "
                    + "with WebSocket support (e.g. Tomcat)");
        }
        WsPath state = new WsPath(path, s -> revoked.refuses(s.user(), s.tokenVersion(), s.tokenId()),
                WsPath.DEFAULT_MAX_PER_USER);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(CamelWsServerEndpoint.class, path)
                .configurator(new HandshakeAuthenticator(state))
                // a page's socket sends its token as a subprotocol after this one (ErpBearerTokenResolver), and a
                // browser closes it unless the answer chooses this one
                .subprotocols(java.util.List.of(com.erp.routes.common.security.ErpBearerTokenResolver.WEBSOCKET_PROTOCOL))
                .build();
        try {
            server.addEndpoint(config);
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot deploy WebSocket path " + path, e);
        }
        return state;
    }
}
