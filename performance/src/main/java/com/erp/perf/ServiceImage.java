package com.erp.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.erp.devinfra.FreePort;

/**
 * A service's executable jar prepared the way its container image is meant to hold it: extracted (Spring Boot's
 * {@code -Djarmode=tools extract}, so classes are not loaded out of nested jars) and with a class-data-sharing
 * archive written by a training run that stops once the application context is refreshed. Together they take
 * about half off the start-up time on 2 cores. The archive only speeds start-up: a JVM that cannot use it starts
 * without it.
 */
final class ServiceImage {

    /** The jar to run and the JVM options that go with it. */
    record Image(Path jar, List<String> jvmOptions) {
    }

    private ServiceImage() {
    }

    static Image prepare(String name, Path execJar, Path dir, Map<String, String> env, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path extracted = dir.resolve(name);
        run(name + "-extract", List.of("-Djarmode=tools", "-jar", execJar.toString(), "extract", "--force",
                "--destination", extracted.toString()), Map.of(), dir, true);
        Path jar = extracted.resolve(execJar.getFileName());
        Path archive = dir.resolve(name + ".jsa");
        List<String> training = new ArrayList<>(jvmOptions);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                "-Djava.net.preferIPv4Stack=true", "-jar", jar.toString()));
        Map<String, String> trainingEnv = new java.util.HashMap<>(env);
        trainingEnv.put("SERVER_PORT", String.valueOf(FreePort.find()));
        trainingEnv.put("SERVER_ADDRESS", "127.0.0.1");
        run(name + "-training", training, trainingEnv, dir, false);
        List<String> options = new ArrayList<>(jvmOptions);
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        return new Image(jar, List.copyOf(options));
    }

    /** Runs a JVM to its end; {@code strict}: a non-zero exit is an error (a training run's is not: its archive counts). */
    private static void run(String what, List<String> arguments, Map<String, String> env, Path dir, boolean strict)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(arguments);
        Path log = dir.resolve(what + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(what + " did not finish within 3 minutes; see " + log);
        }
        if (strict && p.exitValue() != 0) {
            throw new IOException(what + " exited with " + p.exitValue() + "; see " + log);
        }
    }
}
