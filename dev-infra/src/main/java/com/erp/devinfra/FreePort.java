package com.erp.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a free TCP port on the loopback interface. A port is only probed, not held, so something else may take it
 * before its user binds it. Two things make that unlikely: a port already handed out in this JVM, or one the caller
 * names (e.g. a port another process was told to use), is never handed out again; and ports are picked outside the
 * kernel's ephemeral range, which it hands out on its own as the local ports of outgoing connections (a Kafka client's,
 * say) and to anything that binds port 0, so none of those can take a port found here.
 */
public final class FreePort {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    /** A free port, other than any of {@code avoid} and any handed out before in this JVM. */
    public static int find(int... avoid) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = probe();
            if (!contains(avoid, port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 after 100 attempts");
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
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            low = Integer.parseInt(range[0]);
            high = Integer.parseInt(range[1]);
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
