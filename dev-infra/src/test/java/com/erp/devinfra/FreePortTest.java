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
}
