package com.erp.devinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started as its own JVM from its executable jar, as a container would run it: configured by
 * environment variables only, logging to a file, stopped with SIGTERM. Used by the multi-process test and the
 * load suite.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path logDir) throws IOException {
        this(name, jar, port, env, logDir, List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    public ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path logDir, List<String> jvmOptions)
            throws IOException {
        this.name = name;
        this.port = port;
        this.log = logDir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.net.preferIPv4Stack=true", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        this.process = builder.start();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the service reports itself ready (readiness probe UP). */
    public void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " was not ready within " + timeout + ":\n" + tail());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops it the way Kubernetes does: SIGTERM, then a hard kill if it does not finish. */
    @Override
    public void close() {
        terminate(Duration.ofSeconds(30));
    }

    /**
     * SIGTERM, then a hard kill if it has not finished within {@code grace} (Kubernetes' default grace period is
     * 30 s). Returns whether it finished on its own.
     */
    public boolean terminate(Duration grace) {
        return terminate(process, grace);
    }

    /** SIGTERM, then SIGKILL if {@code process} has not ended within {@code grace}; whether it ended on its own. */
    static boolean terminate(Process process, Duration grace) {
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return false;
    }

    /** Kills it at once (SIGKILL), as the OOM killer or a lost node would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** The processes it started (the embedded servers' own, in the standalone system), while it runs. */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    public Path log() {
        return log;
    }
}
