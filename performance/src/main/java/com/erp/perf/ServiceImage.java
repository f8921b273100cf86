package com.erp.perf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.erp.devinfra.FreePort;
import com.erp.devinfra.ServiceProcess;

/**
 * A service's executable jar prepared the way its container image holds it (k8s/images/service.Dockerfile):
 * extracted (Spring Boot's {@code -Djarmode=tools extract}, so classes are not loaded out of nested jars) and with a
 * class-data-sharing archive written by a training run. Together they take about half off the start-up time on 2
 * cores. The training run starts the service until it is ready and then stops it (SIGTERM; the JVM writes the
 * archive as it exits), so the archive also holds what Camel, Tomcat and the Kafka clients load once the context is
 * refreshed: stopping at the refresh ({@code spring.context.exit=onRefresh}, as the image's build must, having no
 * servers) left about 2,100 classes to be parsed from the jars at every
 * start. The archive only speeds start-up: a JVM that cannot use it starts without it.
 */
final class ServiceImage {

    /** The jar to run and the JVM options that go with it. */
    record Image(Path jar, List<String> jvmOptions) {
    }

    /** The service JVM options the image starts with, a java argument file (classpath: the image's own file). */
    static final String JVM_OPTIONS = "service.jvm";

    private ServiceImage() {
    }

    /** {@link #JVM_OPTIONS}'s options as the java launcher reads them: split at white space, from {@code #} a comment. */
    static List<String> jvmOptions() {
        try (InputStream in = ServiceImage.class.getClassLoader().getResourceAsStream(JVM_OPTIONS)) {
            if (in == null) {
                throw new IllegalStateException(JVM_OPTIONS + " is not on the classpath (k8s/images, performance/pom.xml)");
            }
            List<String> options = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int comment = line.indexOf('#');
                String text = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!text.isEmpty()) {
                    options.addAll(List.of(text.split("\\s+")));
                }
            }
            return List.copyOf(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Image prepare(String name, Path execJar, Path dir, Map<String, String> env, List<String> jvmOptions)
            throws Exception {
        Path extracted = dir.resolve(name);
        run(name + "-extract", List.of("-Djarmode=tools", "-jar", execJar.toString(), "extract", "--force",
                "--destination", extracted.toString()), dir);
        Path jar = extracted.resolve(execJar.getFileName());
        Path archive = dir.resolve(name + ".jsa");
        List<String> training = new ArrayList<>(jvmOptions);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        ServiceProcess run = new ServiceProcess(name + "-training", jar, FreePort.find(), env, dir, training);
        try {
            run.awaitReady(Duration.ofMinutes(3));
        } finally {
            run.terminate(Duration.ofMinutes(1));
        }
        List<String> options = new ArrayList<>(jvmOptions);
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        return new Image(jar, List.copyOf(options));
    }

    /** Runs a JVM to its end; a non-zero exit is an error. */
    private static void run(String what, List<String> arguments, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(arguments);
        Path log = dir.resolve(what + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(what + " did not finish within 3 minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IOException(what + " exited with " + p.exitValue() + "; see " + log);
        }
    }
}
