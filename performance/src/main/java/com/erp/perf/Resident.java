package com.erp.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a JVM's resident memory is (MB), read from {@code /proc/<pid>/smaps}: its class-data-sharing archives
 * ({@code .jsa}: the service's classes and the JDK's, mapped), the other files it maps (libjvm, the JDK's modules)
 * and anonymous memory (the heap, compiled code, metaspace, malloc'ed memory, thread stacks). It explains an idle
 * figure against the 300 MB goal: the archives grow with the classes a service loads, the anonymous part with its
 * data. The sum can differ from VmRSS by a megabyte of rounding.
 */
public record Resident(long archivesMb, long filesMb, long anonymousMb) {

    /** Not read (not Linux, the process gone). */
    static final Resident UNKNOWN = new Resident(-1, -1, -1);

    /** A mapping's first line: its address range, then permissions, offset, device, inode and, maybe, a path. */
    private static final Pattern MAPPING = Pattern.compile("^[0-9a-f]+-[0-9a-f]+ .*");

    static Resident of(long pid) {
        try {
            return parse(Files.readAllLines(Path.of("/proc/" + pid + "/smaps")));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    static Resident parse(List<String> smaps) {
        long[] kb = new long[3]; // archives, files, anonymous
        int kind = 2;
        for (String line : smaps) {
            if (MAPPING.matcher(line).matches()) {
                String[] fields = line.trim().split("\\s+", 6);
                String path = fields.length == 6 ? fields[5].trim() : "";
                // [heap], [stack], [anon:...] and the like are anonymous too
                kind = path.endsWith(".jsa") ? 0 : !path.isEmpty() && !path.startsWith("[") ? 1 : 2;
            } else if (line.startsWith("Rss:")) {
                kb[kind] += Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return new Resident(kb[0] / 1024, kb[1] / 1024, kb[2] / 1024);
    }
}
