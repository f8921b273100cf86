package com.erp.routes.websocket;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Authenticates each handshake: the user is the principal the servlet container (here Spring Security, whose
 * filters run before Tomcat's WebSocket filter) established for the upgrade request. A handshake without
 * one gets no user, and the connection is closed as soon as it opens.
 */
final class HandshakeAuthenticator extends ServerEndpointConfig.Configurator {

    static final String USER_PROPERTY = "erp.websocket.user";

    private final WsPath path;

    HandshakeAuthenticator(WsPath path) {
        this.path = path;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // One ServerEndpointConfig is shared by all connections of a path, but Tomcat hands each handshake
        // its own copy of the user properties, so this does not leak between connections.
        if (request.getUserPrincipal() != null) {
            config.getUserProperties().put(USER_PROPERTY, request.getUserPrincipal().getName());
        } else {
            config.getUserProperties().remove(USER_PROPERTY);
        }
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(new CamelWsServerEndpoint(path));
    }
}
