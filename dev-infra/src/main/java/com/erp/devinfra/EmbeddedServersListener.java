package com.erp.devinfra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code erp.embedded.enabled=true}, starts the embedded servers before the application context is
 * created and points the application at them. It runs just after logging is initialised (an
 * environment post-processor would run before, when every server would log at DEBUG to the console).
 *
 * <ul>
 *   <li>{@code erp.embedded.servers}: kafka,mariadb,mongo,redis (default: all)</li>
 *   <li>{@code erp.embedded.data-dir}: where they keep their data (default: a temporary folder)</li>
 *   <li>{@code erp.embedded.mongo-backend}: h2 (default, persistent) or memory (load runs)</li>
 *   <li>{@code erp.embedded.kafka-port}: 0 (default) for a free port</li>
 * </ul>
 */
public class EmbeddedServersListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String PROPERTY_SOURCE = "erpEmbeddedServers";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("erp.embedded.enabled", Boolean.class, false)
                || env.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        String dir = env.getProperty("erp.embedded.data-dir", "");
        Set<EmbeddedServer.Kind> kinds = parseKinds(env.getProperty("erp.embedded.servers", "kafka,mariadb,mongo,redis"));
        EmbeddedServers.Options options = new EmbeddedServers.Options(
                dir.isBlank() ? null : Path.of(dir),
                kinds,
                "memory".equalsIgnoreCase(env.getProperty("erp.embedded.mongo-backend", "h2")),
                env.getProperty("erp.embedded.kafka-port", Integer.class, 0));
        // stopped once the application has shut down, not while it does
        EmbeddedServers servers = EmbeddedServers.shared(options, SpringApplication.getShutdownHandlers()::add);
        Map<String, Object> props = new LinkedHashMap<>(servers.connectionProperties());
        props.put("erp.embedded.resolved-data-dir", servers.dataDir().toString());
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
    }

    static Set<EmbeddedServer.Kind> parseKinds(String list) {
        Set<EmbeddedServer.Kind> kinds = EnumSet.noneOf(EmbeddedServer.Kind.class);
        kinds.addAll(Arrays.stream(list.split(","))
                .filter(s -> !s.isBlank())
                .map(EmbeddedServer.Kind::parse)
                .collect(Collectors.toSet()));
        return kinds;
    }

    @Override
    public int getOrder() {
        // LoggingApplicationListener is HIGHEST_PRECEDENCE + 20.
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
