package com.erp.devinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Finds a free TCP port on the loopback interface. A port is only probed, not held, so something else may take it
 * before its user binds it. Three things make that unlikely: a port already handed out in this JVM, or one the caller
 * names (e.g. a port another process was told to use), is never handed out again; a port handed out by another JVM of
 * this machine in the last minutes is not either (each claims its ports in a shared directory: parallel test forks,
 * the quick start and the load suite pick from the same range); and ports are picked outside the kernel's ephemeral
 * range, which it hands out on its own as the local ports of outgoing connections (a Kafka client's, say) and to
 * anything that binds port 0, so none of those can take a port found here.
 */
public final class FreePort {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    /** Longer than any server takes to bind the port it was given; a bound one fails the probe anyway. */
    static final Duration CLAIM_KEPT = Duration.ofMinutes(10);
    private static final Path CLAIMS = Path.of(System.getProperty("java.io.tmpdir"), "erp-free-ports");
    private static final AtomicBoolean PRUNED = new AtomicBoolean();

    private FreePort() {
    }

    /** A free port, other than any of {@code avoid}, any handed out before in this JVM or claimed by another lately. */
    public static int find(int... avoid) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = probe();
            if (!contains(avoid, port) && HANDED_OUT.add(port) && claim(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 after 100 attempts");
    }

    /**
     * Claims {@code port} for this JVM among the processes of this machine: false if another claimed it within
     * {@link #CLAIM_KEPT}. A claim older than that is taken over. Without a usable directory every port is taken as
     * unclaimed (the other safeguards remain).
     */
    static boolean claim(int port) {
        try {
            Files.createDirectories(CLAIMS);
            prune();
            Path claim = CLAIMS.resolve(Integer.toString(port));
            try {
                Files.createFile(claim);
                return true;
            } catch (FileAlreadyExistsException taken) {
                if (stale(claim)) {
                    // two JVMs may both take over a stale claim: the probe before the bind still tells them apart
                    Files.setLastModifiedTime(claim, FileTime.from(Instant.now()));
                    return true;
                }
                return false;
            }
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    /** Once a JVM: the claims of long ago go, so the directory holds those of the last minutes. */
    private static void prune() {
        if (PRUNED.compareAndSet(false, true)) {
            try (Stream<Path> claims = Files.list(CLAIMS)) {
                claims.filter(FreePort::stale).forEach(c -> c.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // pruning is tidiness only
            }
        }
    }

    private static boolean stale(Path claim) {
        try {
            return Files.getLastModifiedTime(claim).toInstant().isBefore(Instant.now().minus(CLAIM_KEPT));
        } catch (IOException e) {
            return false;
        }
    }

    /** The given port, or a free one when it is 0. */
    public static int orFree(int port) {
        return port > 0 ? port : find();
    }

    private static final int[] RANGE = outsideEphemeral();

    /** A port of {@link #RANGE} that can be bound now. */
    private static int probe() {
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = RANGE[0] + ThreadLocalRandom.current().nextInt(RANGE[1] - RANGE[0]);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no free port on 127.0.0.1 in " + RANGE[0] + "-" + RANGE[1], last);
    }

    /** [from, to) below the kernel's ephemeral port range (Linux: ip_local_port_range), or above it if too little is below. */
    static int[] outsideEphemeral() {
        int low = 32768;
        int high = 60999;
        // a line read, not the whole file: procfs says its files are empty, and Files.readString read only "3" of
        // "32768\t60999" (so the range above the ephemeral one was taken, 4,500 ports instead of 22,000)
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            String[] range = in.readLine().trim().split("\\s+");
            int from = Integer.parseInt(range[0]);
            int to = Integer.parseInt(range[1]);
            low = from;
            high = to;
        } catch (IOException | RuntimeException e) {
            // not Linux: the common default above
        }
        if (low - 10000 >= 2000) {
            return new int[] {10000, low};
        }
        return high < 63000 ? new int[] {high + 1, 65535} : new int[] {10000, 65535};
    }

    private static boolean contains(int[] ports, int port) {
        for (int p : ports) {
            if (p == port) {
                return true;
            }
        }
        return false;
    }
}
