package com.erp.routes.websocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
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
    /** Whether a session's token is refused by now (user, token version): none until told. */
    private volatile BiPredicate<String, Long> revoked = (user, tokenVersion) -> false;

    WsPathRegistry(Supplier<ServerContainer> container) {
        this.container = container;
    }

    WsPath deploy(String path) {
        return paths.computeIfAbsent(path, this::doDeploy);
    }

    void refuseRevoked(BiPredicate<String, Long> check) {
        revoked = check;
    }

    BiPredicate<String, Long> revokedCheck() {
        return revoked;
    }

    /** Closes {@code user}'s sessions, on every path, opened with a token the revocation refuses. */
    void closeSessions(String user, com.erp.routes.common.events.TokenRevocation revocation) {
        boolean all = revocation.reason() == com.erp.routes.common.events.TokenRevocation.Reason.DEPARTED;
        paths.values().forEach(p -> p.ofUser(user).stream()
                .filter(s -> all || s.tokenVersion() == null || s.tokenVersion() < revocation.tokenVersion())
                .forEach(WsSession::closeRevoked));
    }

    private WsPath doDeploy(String path) {
        ServerContainer server = container.get();
        if (server == null) {
            throw new IllegalStateException("no JSR-356 ServerContainer: websocket-jsr356 needs a servlet container "
                    + "with WebSocket support (e.g. Tomcat)");
        }
        WsPath state = new WsPath(path, s -> revoked.test(s.user(), s.tokenVersion()));
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(CamelWsServerEndpoint.class, path)
                .configurator(new HandshakeAuthenticator(state))
                .build();
        try {
            server.addEndpoint(config);
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot deploy WebSocket path " + path, e);
        }
        return state;
    }
}
