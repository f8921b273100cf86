package com.erp.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@link SubmitSimulation} in this JVM and reads its numbers back. Gatling 3.15 writes no machine-readable
 * statistics any more, so they come from the "All Requests" row of its HTML report (whole milliseconds;
 * percentiles over OK and KO together). Gatling needs {@code --add-opens=java.base/java.lang=ALL-UNNAMED}.
 */
final class GatlingRun {

    /** One run: counts, mean throughput, latency percentiles (ms) and where its HTML report is. */
    record Stats(long total, long ok, long ko, double throughput, Latency latency, String report) {
    }

    private static final Pattern ROOT_ROW = Pattern.compile("<tr id=\"ROOT\"\\s*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    private GatlingRun() {
    }

    static Stats run(Map<String, String> settings, Path resultsDir, String description) throws IOException {
        settings.forEach((k, v) -> System.setProperty("perf." + k, v));
        Files.createDirectories(resultsDir);
        int code = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[]{
                "-s", SubmitSimulation.class.getName(), "-rf", resultsDir.toAbsolutePath().toString(),
                "-rd", description});
        if (code != 0 && code != 2) {
            throw new IllegalStateException("Gatling ended with " + code);
        }
        return read(latestRun(resultsDir));
    }

    private static Path latestRun(Path resultsDir) throws IOException {
        try (Stream<Path> runs = Files.list(resultsDir)) {
            return runs.filter(p -> Files.isRegularFile(p.resolve("index.html")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IOException("Gatling wrote no report under " + resultsDir));
        }
    }

    static Stats read(Path run) throws IOException {
        Matcher row = ROOT_ROW.matcher(Files.readString(run.resolve("index.html")));
        if (!row.find()) {
            throw new IOException("no 'All Requests' row in " + run.resolve("index.html"));
        }
        String[] col = new String[16];
        Matcher cell = CELL.matcher(row.group(1));
        while (cell.find()) {
            int i = Integer.parseInt(cell.group(1));
            if (i < col.length) {
                col[i] = cell.group(2).trim().replace(",", "");
            }
        }
        return new Stats(num(col[2]).longValue(), num(col[3]).longValue(), num(col[4]).longValue(), num(col[6]),
                new Latency(num(col[2]).longValue(), num(col[13]), num(col[8]), num(col[10]), num(col[11]), num(col[12])),
                run.resolve("index.html").toString());
    }

    private static Double num(String s) {
        return s == null || s.isEmpty() || "-".equals(s) ? 0.0 : Double.parseDouble(s);
    }
}
