package com.erp.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded servers' own processes end with the JVM that started them, even when that JVM is killed. */
class ServerWatchdogTest {

    private static final Duration SERVERS_GONE = Duration.ofSeconds(20);

    @Test
    void serversOfAKilledJvmStopToo(@TempDir Path dataDir) throws Exception {
        ServersProcess jvm = ServersProcess.start("servers", dataDir, EnumSet.of(EmbeddedServer.Kind.REDIS,
                EmbeddedServer.Kind.MARIADB), false, 0, List.of("-Xmx256m"), dataDir.resolve("logs"), Duration.ofSeconds(120));
        List<ProcessHandle> started;
        try {
            assertThat(jvm.environment()).as("what a service is given to reach the servers")
                    .containsEntry("SPRING_DATA_REDIS_HOST", "127.0.0.1").containsKey("SPRING_DATA_REDIS_PORT")
                    .containsKey("SPRING_DATASOURCE_URL");
            started = jvm.descendants();
            assertThat(started).as("mariadbd, redis-server and their watchdogs")
                    .anyMatch(p -> command(p).startsWith("mariadbd"))
                    .anyMatch(p -> command(p).startsWith("redis-server"));
        } finally {
            jvm.kill();
        }
        assertThat(ProcessHandle.of(jvm.pid()).filter(ProcessHandle::isAlive)).as("the servers' JVM").isEmpty();

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
}
