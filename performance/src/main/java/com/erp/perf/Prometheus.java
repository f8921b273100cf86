package com.erp.perf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads single values out of a service's /actuator/prometheus (text format). */
public final class Prometheus {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    private final Http http;
    private final String base;
    private final String token;

    public Prometheus(Http http, String base, String adminToken) {
        this.http = http;
        this.base = base;
        this.token = adminToken;
    }

    /** Every sample of the metric whose labels contain all of {@code labels} (e.g. {@code topic="approval.submitted"}). */
    public Map<String, Double> samples(String metric, String... labels) {
        String text = http.send(http.request(base + "/actuator/prometheus", token).header("Accept", "text/plain")
                .GET().build()).join().body();
        Map<String, Double> found = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.find() || !m.group(1).equals(metric)) {
                continue;
            }
            String labelSet = m.group(2) == null ? "" : m.group(2);
            boolean all = true;
            for (String l : labels) {
                all &= labelSet.contains(l);
            }
            if (all) {
                found.put(labelSet, Double.parseDouble(m.group(3)));
            }
        }
        return found;
    }

    /** The sum over the matching samples (0 when there are none). */
    public double sum(String metric, String... labels) {
        return samples(metric, labels).values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
