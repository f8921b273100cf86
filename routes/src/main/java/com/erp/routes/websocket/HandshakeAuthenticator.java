package com.erp.routes.websocket;

import java.time.Instant;

import com.erp.routes.common.security.RevokedSubjects;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authenticates each handshake: the user is the principal the servlet container (here Spring Security, whose
 * filters run before Tomcat's WebSocket filter) established for the upgrade request. A handshake without
 * one gets no user, and the connection is closed as soon as it opens. A bearer token's expiry goes with it: the
 * connection is closed when the token expires, as any request with it would be refused from then on.
 */
final class HandshakeAuthenticator extends ServerEndpointConfig.Configurator {

    static final String USER_PROPERTY = "erp.websocket.user";
    /** When the handshake's credentials stop being valid (an {@link Instant}), if they say so. */
    static final String EXPIRES_PROPERTY = "erp.websocket.expires";
    static final String TOKEN_VERSION_PROPERTY = "erp.websocket.token-version";
    static final String TOKEN_ID_PROPERTY = "erp.websocket.token-id";

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
        Instant expires = request.getUserPrincipal() instanceof AbstractOAuth2TokenAuthenticationToken<?> token
                ? token.getToken().getExpiresAt() : null;
        if (request.getUserPrincipal() instanceof JwtAuthenticationToken jwt) {
            config.getUserProperties().put(TOKEN_VERSION_PROPERTY, RevokedSubjects.tokenVersion(jwt.getToken()));
            if (jwt.getToken().getId() != null) {
                config.getUserProperties().put(TOKEN_ID_PROPERTY, jwt.getToken().getId());
            } else {
                config.getUserProperties().remove(TOKEN_ID_PROPERTY);
            }
        } else {
            config.getUserProperties().remove(TOKEN_VERSION_PROPERTY);
            config.getUserProperties().remove(TOKEN_ID_PROPERTY);
        }
        if (expires != null) {
            config.getUserProperties().put(EXPIRES_PROPERTY, expires);
        } else {
            config.getUserProperties().remove(EXPIRES_PROPERTY);
        }
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(new CamelWsServerEndpoint(path));
    }
}
