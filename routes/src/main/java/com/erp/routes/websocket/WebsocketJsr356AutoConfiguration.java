package com.erp.routes.websocket;

import java.time.Duration;
import java.util.Set;

import com.erp.routes.common.security.RevokedSubjects;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers the component under its scheme name, bound to this application's servlet container. The
 * container is looked up when a route first deploys a path, after the web server has started (the
 * ServerContainer does not exist yet while the context is being set up).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ServerContainer.class)
public class WebsocketJsr356AutoConfiguration {

    @Bean("websocket-jsr356")
    WebsocketJsr356Component websocketJsr356Component(ServletContext servletContext,
                                                      ObjectProvider<RevokedSubjects> revoked,
                                                      @Value("${erp.websocket.ping-interval:25s}") Duration pingInterval,
                                                      @Value("${erp.websocket.max-silence:60s}") Duration maxSilence) {
        WebsocketJsr356Component component = new WebsocketJsr356Component(
                () -> (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName()));
        component.setHeartbeat(pingInterval, maxSilence);
        // a revoked token's connections close too: a socket outlives its handshake's token check otherwise
        revoked.ifAvailable(r -> {
            r.onRevoke(e -> component.closeSessions(String.valueOf(e.employee().id()), e));
            component.refuseRevoked((user, tokenVersion, tokenId) -> user.matches("[0-9]{1,18}")
                    && r.refuses(Long.parseLong(user), tokenVersion == null ? 0 : tokenVersion, tokenId));
        });
        return component;
    }

    /** A handshake from another origin's page is refused before anything else ({@link WebSocketOriginFilter}). */
    @Bean
    FilterRegistrationBean<WebSocketOriginFilter> erpWebSocketOriginFilter(
            @Value("${erp.websocket.allowed-origins:}") Set<String> allowed) {
        FilterRegistrationBean<WebSocketOriginFilter> registration =
                new FilterRegistrationBean<>(new WebSocketOriginFilter(allowed));
        registration.addUrlPatterns("/ws/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
