package com.erp.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's working folder: the servers' data (gigabytes after a full run: the raw-producer limit alone writes
 * most of a Kafka topic's segments), the services' images and logs. When the run ends its logs are kept with the
 * report ({@code <results>/logs/}, in the folders they had) and the rest is deleted.
 */
final class WorkDir {

    private WorkDir() {
    }

    /** Copies every {@code *.log} outside the servers' data folders to {@code logs}, then deletes {@code work}. */
    static void keepLogsAndDelete(Path work, Path logs) throws IOException {
        if (!Files.isDirectory(work)) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.filter(Files::isRegularFile).filter(WorkDir::isServiceLog).toList()) {
                Path target = logs.resolve(work.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<Path> all;
        try (Stream<Path> paths = Files.walk(work)) {
            all = paths.sorted(Comparator.reverseOrder()).toList(); // children before their folder
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    /** A log a process wrote, not a Kafka segment or a database file (those live under a {@code data} folder). */
    private static boolean isServiceLog(Path file) {
        if (!file.getFileName().toString().endsWith(".log")) {
            return false;
        }
        for (Path part : file) {
            if (part.toString().equals("data")) {
                return false;
            }
        }
        return true;
    }
}
