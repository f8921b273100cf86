package com.erp.devinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Embedded servers in a JVM of their own ({@link DevServersMain}), as a database or a broker runs in its own
 * process: what they hold (the MongoDB-wire memory backend keeps every document) and the garbage they make are
 * not on the heap of the services or of the load generator. Their output goes to a log file; closing sends
 * SIGTERM, and the servers' watchdogs end the native ones if this JVM is killed.
 */
public final class ServersProcess implements AutoCloseable {

    private static final Pattern EXPORT = Pattern.compile("export ([A-Z0-9_]+)='(.*)'");

    private final Process process;
    private final Path log;
    private final Map<String, String> environment;

    private ServersProcess(Process process, Path log, Map<String, String> environment) {
        this.process = process;
        this.log = log;
        this.environment = environment;
    }

    /**
     * Starts the servers and returns once they accept connections.
     *
     * @param jvmOptions heap and collector of the servers' JVM
     * @param kafkaPort  0 for a free port
     */
    public static ServersProcess start(String name, Path dataDir, Set<EmbeddedServer.Kind> kinds, boolean mongoInMemory,
            int kafkaPort, List<String> jvmOptions, Path logDir, Duration timeout) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DevServersMain.class.getName(),
                dataDir.toString(), kinds.stream().map(Enum::name).collect(Collectors.joining(",")),
                mongoInMemory ? "memory" : "h2", String.valueOf(kafkaPort)));
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Map<String, String>> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, ready), name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServersProcess(process, log, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not start within " + timeout + ", see " + log, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Copies the JVM's output to its log; completes {@code ready} with the exports once the servers run. */
    private static void pump(Process process, Path log, CompletableFuture<Map<String, String>> ready) {
        Map<String, String> env = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                Matcher m = EXPORT.matcher(line);
                if (m.matches()) {
                    env.put(m.group(1), m.group(2));
                } else if (line.startsWith(DevServersMain.RUNNING)) {
                    ready.complete(Map.copyOf(env));
                }
            }
        } catch (IOException e) {
            // the JVM ended, or close() took its output away: nothing more to copy
        } finally {
            ready.completeExceptionally(new IllegalStateException("the servers' JVM ended, see " + log));
        }
    }

    /** The environment variables that point a service at these servers. */
    public Map<String, String> environment() {
        return environment;
    }

    public long pid() {
        return process.pid();
    }

    /** The processes it started (mariadbd, redis-server and their watchdogs), while it runs. */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    public Path log() {
        return log;
    }

    /** Stops the servers (SIGTERM, their shutdown hook), killing the JVM if it takes longer than a minute. */
    @Override
    public void close() {
        ServiceProcess.terminate(process, Duration.ofSeconds(60));
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
