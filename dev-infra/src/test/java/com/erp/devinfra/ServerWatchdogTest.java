package com.erp.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded servers' own processes end with the JVM that started them, even when that JVM is killed. */
class ServerWatchdogTest {

    private static final Duration SERVERS_GONE = Duration.ofSeconds(20);

    @Test
    void serversOfAKilledJvmStopToo(@TempDir Path dataDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DevServersMain.class.getName(), dataDir.toString(), "REDIS,MARIADB")
                .redirectErrorStream(true).start();
        List<ProcessHandle> started;
        try {
            awaitLine(jvm, "# embedded servers running");
            started = jvm.descendants().toList();
            assertThat(started).as("mariadbd, redis-server and their watchdogs")
                    .anyMatch(p -> command(p).startsWith("mariadbd"))
                    .anyMatch(p -> command(p).startsWith("redis-server"));
        } finally {
            jvm.destroyForcibly();
        }
        assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();

        List<String> alive = awaitGone(started);
        assertThat(alive).as("processes of the killed JVM still running after %s", SERVERS_GONE).isEmpty();
    }

    @Test
    void aServerStoppedNormallyReleasesItsWatchdog(@TempDir Path dataDir) throws Exception {
        List<ProcessHandle> watchdogs;
        try (EmbeddedServers servers = EmbeddedServers.start(
                new EmbeddedServers.Options(dataDir, EnumSet.of(EmbeddedServer.Kind.REDIS), false, 0))) {
            watchdogs = ServerWatchdog.watchdogPids().stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
            assertThat(watchdogs).as("redis-server is guarded").isNotEmpty().allMatch(ProcessHandle::isAlive);
        }
        assertThat(awaitGone(watchdogs)).as("watchdogs left after their server stopped").isEmpty();
    }

    private static List<String> awaitGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + SERVERS_GONE.toNanos();
        List<ProcessHandle> alive = new ArrayList<>(processes);
        while (System.nanoTime() < deadline) {
            alive.removeIf(p -> !p.isAlive());
            if (alive.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        List<String> left = alive.stream().map(p -> p.pid() + " " + command(p)).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        return left;
    }

    private static String command(ProcessHandle p) {
        return p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
    }

    private static void awaitLine(Process jvm, String prefix) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.startsWith(prefix)) {
                // keep draining so the child never blocks on a full pipe
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "drain");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("the servers' JVM ended before they ran:\n" + seen);
    }
}
