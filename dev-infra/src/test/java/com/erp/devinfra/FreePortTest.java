package com.erp.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void aPortIsHandedOutOnlyOnceInAJvm() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(seen.add(FreePort.find())).as("handed out twice").isTrue();
        }
    }

    @Test
    void portsAreNotOnesTheKernelHandsOutToOutgoingConnections() throws Exception {
        // what a client socket gets as its local port: a port found must never be one of those
        int[] range = FreePort.outsideEphemeral();
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.Socket client = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            int local = client.getLocalPort();
            assertThat(local >= range[0] && local < range[1]).as("local port %d in %d-%d", local, range[0], range[1]).isFalse();
        }
        for (int i = 0; i < 20; i++) {
            assertThat(FreePort.find()).isBetween(range[0], range[1] - 1);
        }
    }

    /** The range is read from the kernel's setting as it is, not a default or a misread part of it. */
    @Test
    void theEphemeralRangeIsReadAsTheKernelSaysIt() throws Exception {
        java.nio.file.Path setting = java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(setting), "Linux");
        String[] kernel;
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(setting)) {
            kernel = in.readLine().trim().split("\\s+");
        }
        int low = Integer.parseInt(kernel[0]);
        int high = Integer.parseInt(kernel[1]);
        int[] range = FreePort.outsideEphemeral();
        assertThat(range[1] <= low || range[0] > high).as("%d-%d outside %d-%d", range[0], range[1], low, high).isTrue();
        if (low - 10000 >= 2000) {
            assertThat(range).containsExactly(10000, low);
        }
    }

    /** Another JVM of the machine (a parallel test fork) does not get a port claimed here lately, until it is stale. */
    @Test
    void aPortClaimedByAnotherProcessLatelyIsNotHandedOut() throws Exception {
        int port = FreePort.find();
        java.nio.file.Path claim = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "erp-free-ports",
                Integer.toString(port));
        assertThat(claim).exists();
        assertThat(FreePort.claim(port)).as("claimed already").isFalse();
        java.nio.file.Files.setLastModifiedTime(claim, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(FreePort.CLAIM_KEPT).minusSeconds(1)));
        assertThat(FreePort.claim(port)).as("a stale claim is taken over").isTrue();
        assertThat(FreePort.claim(port)).as("and is fresh again").isFalse();
    }
}
