package com.erp.perf;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads single values out of services' /actuator/prometheus (text format): one service's, or several added up (a gauge
 * such as {@code erp_outbox_backlog{service}} is exposed only by the service it counts; standalone has one JVM behind
 * every base, which is read once).
 */
public final class Prometheus {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    private final Http http;
    private final Set<String> bases;
    private final String token;

    public Prometheus(Http http, String base, String adminToken) {
        this(http, adminToken, List.of(base));
    }

    private Prometheus(Http http, String adminToken, List<String> bases) {
        this.http = http;
        this.bases = new LinkedHashSet<>(bases);
        this.token = adminToken;
    }

    /** These services' metrics added up, each service once. */
    public static Prometheus across(Http http, String adminToken, String... bases) {
        return new Prometheus(http, adminToken, List.of(bases));
    }

    /** The sum over the matching samples of every service read (0 when there are none). */
    public double sum(String metric, String... labels) {
        return bases.stream().mapToDouble(base -> samples(base, metric, labels).values().stream()
                .mapToDouble(Double::doubleValue).sum()).sum();
    }

    /**
     * Every sample of the metric whose labels contain all of {@code labels} (e.g. {@code topic="approval.submitted"}).
     * Only that metric is asked for ({@code includedNames}): the suite reads a few gauges four times a second while it
     * waits for a backlog to drain, and the whole exposition (hundreds of meters: every route's timer, the JVM's)
     * cost the services a tenth of their CPU in a profile of a smoke run, which the CPU table then counted as theirs.
     */
    private Map<String, Double> samples(String base, String metric, String... labels) {
        String text = http.send(http.request(base + "/actuator/prometheus?includedNames=" + included(metric), token)
                .header("Accept", "text/plain").GET().build()).join().body();
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

    /** The metric's name as given and as its family is named (a counter's without {@code _total}, and so on). */
    static String included(String metric) {
        for (String suffix : List.of("_total", "_count", "_sum", "_bucket", "_max")) {
            if (metric.endsWith(suffix)) {
                return metric + "," + metric.substring(0, metric.length() - suffix.length());
            }
        }
        return metric;
    }
}
