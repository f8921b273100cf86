package com.erp.devinfra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the embedded servers on their own JVM: for running the four services as separate JVMs by hand, and for
 * the load suite ({@link ServersProcess}), where the servers' heap must not be the services' or the load
 * generator's. Prints the environment variables to give each service, then a line starting with
 * {@value #RUNNING}, then waits until stopped (Ctrl-C, SIGTERM).
 */
public final class DevServersMain {

    /** The line that says every server accepts connections. */
    public static final String RUNNING = "# embedded servers running";

    private DevServersMain() {
    }

    /**
     * Arguments, all optional: the data folder (default {@code data/dev-servers}), which servers (default all,
     * e.g. {@code REDIS,MARIADB}), the MongoDB-wire backend ({@code h2}, the default, or {@code memory}), the
     * Kafka port (default 0: a free one).
     */
    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data/dev-servers");
        Set<EmbeddedServer.Kind> kinds = args.length > 1
                ? Arrays.stream(args[1].split(",")).map(EmbeddedServer.Kind::parse)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(EmbeddedServer.Kind.class)))
                : EnumSet.allOf(EmbeddedServer.Kind.class);
        boolean mongoInMemory = args.length > 2 && "memory".equalsIgnoreCase(args[2]);
        int kafkaPort = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        EmbeddedServers servers = EmbeddedServers.start(new EmbeddedServers.Options(dataDir, kinds, mongoInMemory, kafkaPort));
        Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "dev-servers-stop"));
        servers.environment().forEach((k, v) -> System.out.println("export " + k + "='" + v + "'"));
        System.out.println(RUNNING + " under " + servers.dataDir() + "; Ctrl-C stops them");
        new CountDownLatch(1).await();
    }
}
