package com.erp.routes.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every port property named in {@code erp.free-port-properties} whose value is 0 a free port, before
 * anything reads it, so that a server and its client in the same application (standalone, tests) agree on it.
 * A port given explicitly (e.g. GRPC_PORT in Kubernetes) is left alone.
 */
public class FreePortsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String SOURCE = "erpFreePorts";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.getPropertySources().contains(SOURCE)) {
            return;
        }
        Map<String, Object> ports = new HashMap<>();
        for (String name : env.getProperty("erp.free-port-properties", String[].class, new String[0])) {
            if (Integer.valueOf(0).equals(env.getProperty(name.trim(), Integer.class))) {
                ports.put(name.trim(), freePort());
            }
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, ports));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        // after the defaults of every jar are in (ErpDefaultsEnvironmentPostProcessor)
        return Ordered.LOWEST_PRECEDENCE;
    }
}
