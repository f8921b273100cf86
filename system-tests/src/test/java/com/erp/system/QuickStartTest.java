package com.erp.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.erp.devinfra.FreePort;
import com.erp.devinfra.ServiceProcess;
import com.erp.routes.testing.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start as README's first command runs it: the standalone jar on its own embedded servers, its data in
 * one folder. What an operator relies on: it comes up with the demo organisation; SIGTERM stops it within
 * Kubernetes' grace period, its routes stopping while the servers they use are still there, and leaves none of
 * the servers it started running; a restart on the same folder keeps the documents, the password and the tokens.
 * Killed outright (SIGKILL: no shutdown hook runs), it still leaves no server behind, and it starts again on the
 * same folder.
 */
class QuickStartTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    @Test
    void stopsCleanlyOnSigtermSurvivesAKillAndKeepsItsData(@TempDir Path work) throws Exception {
        Path jar = Path.of(System.getProperty("erp.services.dir", "target/services")).resolve("standalone.jar");
        Path data = work.resolve("data");
        Map<String, String> env = Map.of("ERP_DATA_DIR", data.toString());

        ServiceProcess first = start(jar, env, work.resolve("first"));
        String password = Files.readString(data.resolve("demo-password.txt")).trim();
        assertThat(Files.readString(first.log())).contains("created the demo organisation");
        HttpTestClient api = new HttpTestClient(first.baseUrl());
        String token = login(api, password);
        HttpTestClient.Response submitted = api.post("/api/approvals", token, Map.of("type", "GENERAL", "title", "재시작 전에 올린 문서"));
        assertThat(submitted.status()).as("submit: %s", submitted).isEqualTo(202);
        String id = submitted.json().path("id").asText();

        List<ProcessHandle> servers = first.descendants();
        assertThat(servers).as("the embedded MariaDB and Redis run as processes of their own").isNotEmpty();
        assertThat(first.terminate(GRACE)).as("stopped on SIGTERM within %s:\n%s", GRACE, first.tail()).isTrue();
        assertThat(servers).as("no embedded server outlives the system").noneMatch(ProcessHandle::isAlive);
        // the servers stop after the application: before, Kafka's consumers and Redis' client logged servers that
        // were gone, and an exchange in flight waited on them until the shutdown timed out
        assertThat(Files.readString(first.log()))
                .doesNotContain("could not be established")
                .doesNotContain("Cannot reconnect")
                .doesNotContain("Timeout occurred during graceful shutdown");

        ServiceProcess second = start(jar, env, work.resolve("second"));
        try {
            assertThat(Files.readString(data.resolve("demo-password.txt")).trim()).isEqualTo(password);
            assertKept(second, id, token, password, "a restart");
            servers = second.descendants();
        } finally {
            second.kill();
        }
        // the JVM ran no shutdown hook: the servers' watchdogs stop them
        assertThat(awaitGone(servers, GRACE)).as("embedded servers left running after the system was killed").isEmpty();

        ServiceProcess third = start(jar, env, work.resolve("third"));
        try {
            assertKept(third, id, token, password, "a kill");
        } finally {
            assertThat(third.terminate(GRACE)).as("stopped on SIGTERM within %s", GRACE).isTrue();
        }
    }

    private static void assertKept(ServiceProcess system, String id, String token, String password, String after) {
        HttpTestClient api = new HttpTestClient(system.baseUrl());
        HttpTestClient.Response kept = api.get("/api/approvals/" + id, token);
        assertThat(kept.status()).as("the document and the token survive %s: %s", after, kept).isEqualTo(200);
        assertThat(kept.json().path("title").asText()).isEqualTo("재시작 전에 올린 문서");
        assertThat(login(api, password)).isNotBlank();
    }

    private static List<String> awaitGone(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && processes.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(200);
        }
        List<String> left = processes.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        return left;
    }

    private static ServiceProcess start(Path jar, Map<String, String> env, Path logs) throws Exception {
        Files.createDirectories(logs);
        ServiceProcess p = new ServiceProcess("erp-standalone", jar, FreePort.find(), env, logs,
                List.of("-Xmx1g", "-XX:+UseParallelGC"));
        try {
            p.awaitReady(Duration.ofSeconds(180));
        } catch (Throwable e) {
            p.close();
            throw e;
        }
        return p;
    }

    private static String login(HttpTestClient api, String password) {
        HttpTestClient.Response r = api.post("/api/auth/login", null, Map.of("username", "dev.staff", "password", password));
        assertThat(r.status()).as("login: %s", r).isEqualTo(200);
        return r.json().path("accessToken").asText();
    }
}
