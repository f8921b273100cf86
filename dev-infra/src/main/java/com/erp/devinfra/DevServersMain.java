package com.erp.devinfra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the embedded servers on their own, for running the four services as separate JVMs by hand:
 * prints the environment variables to give each service, then waits until stopped (Ctrl-C).
 */
public final class DevServersMain {

    private DevServersMain() {
    }

    /** Arguments: the data folder (default {@code data/dev-servers}), then which servers (default all), e.g. {@code REDIS,MARIADB}. */
    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data/dev-servers");
        Set<EmbeddedServer.Kind> kinds = args.length > 1
                ? Arrays.stream(args[1].split(",")).map(k -> EmbeddedServer.Kind.valueOf(k.trim()))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(EmbeddedServer.Kind.class)))
                : EnumSet.allOf(EmbeddedServer.Kind.class);
        EmbeddedServers servers = EmbeddedServers.start(new EmbeddedServers.Options(dataDir, kinds, false, 0));
        Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "dev-servers-stop"));
        servers.environment().forEach((k, v) -> System.out.println("export " + k + "='" + v + "'"));
        System.out.println("# embedded servers running under " + servers.dataDir() + "; Ctrl-C stops them");
        new CountDownLatch(1).await();
    }
}
