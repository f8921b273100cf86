package com.erp.devinfra;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * An application that runs on embedded servers must stop before them. On SIGTERM or SIGINT the JVM runs every
 * shutdown hook at once, and the MariaDB and Redis libraries register hooks of their own that stop their server
 * straight away: an in-flight exchange then waits on a server that is gone (the shutdown took the whole grace
 * period). So the signal closes the application first and only then lets the JVM exit; the servers follow
 * through Spring Boot's shutdown handlers ({@link EmbeddedServersListener}).
 */
public final class ShutdownOrder {

    private ShutdownOrder() {
    }

    /** From now on, SIGTERM and SIGINT close {@code application} before the JVM's shutdown hooks run. */
    public static void closeFirstOnSignal(ConfigurableApplicationContext application) {
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> {
                try {
                    application.close();
                } finally {
                    System.exit(128 + signal.getNumber()); // even if closing failed: the signal asked the JVM to end
                }
            });
        }
    }
}
