package com.erp.routes.websocket;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

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
    WebsocketJsr356Component websocketJsr356Component(ServletContext servletContext) {
        return new WebsocketJsr356Component(
                () -> (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName()));
    }
}
