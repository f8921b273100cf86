package com.erp.routes.common.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReportingLines;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The org chart's reporting lines as a service that reads them knows them: the newest {@link ReportingLines}
 * employee-service published, kept in Redis for every instance under a key of the service's own
 * ({@link RedisKeys#REPORTING_LINES}, {@link RedisKeys#NOTIFICATION_ORG_CHART}). approval-processing
 * escalates reminders to the superiors; notification tells receiving departments' heads. Each instance keeps what it
 * read for {@code kept} rather than for good: a chart changes rarely, and a change may wait that long.
 */
public class RedisReportingLines {

    private static final Logger LOG = LoggerFactory.getLogger(RedisReportingLines.class);

    private final StringRedisTemplate redis;
    private final String key;
    private final ObjectMapper json;
    private final long keptNanos;
    /** What was read last (null: to read); an empty chart when there is none. */
    private volatile ReportingLines known;
    private volatile long readAt;

    public RedisReportingLines(StringRedisTemplate redis, String key, ObjectMapper json, Duration kept) {
        this.redis = redis;
        this.key = key;
        this.json = json;
        this.keptNanos = kept.toNanos();
    }

    /**
     * Keeps the lines read last: the topic's one key keeps its records in the order employee-service wrote them (a
     * dead letter replayed late would hold only until the chart is published again, at most a republish period).
     */
    public void apply(ReportingLines lines) throws JsonProcessingException {
        redis.opsForValue().set(key, json.writeValueAsString(lines.checked()));
        known = null;
    }

    /** Each employee's superior, by id; empty until employee-service has published the chart. */
    public Map<Long, Person> superiors() {
        return chart().superiors();
    }

    /**
     * Each department's head, by the department's id (a department without one is absent); null while no chart with
     * heads was published, so that a caller can fall back on what it knows.
     */
    public Map<Long, Person> departmentHeads() {
        return chart().departmentHeads();
    }

    private ReportingLines chart() {
        ReportingLines chart = known;
        if (chart == null || System.nanoTime() - readAt > keptNanos) {
            ReportingLines stored = stored();
            chart = stored == null ? new ReportingLines(null, ReportingLines.VERSION, null, List.of(), null) : stored;
            known = chart;
            readAt = System.nanoTime();
        }
        return chart;
    }

    private ReportingLines stored() {
        String value = redis.opsForValue().get(key);
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, ReportingLines.class);
        } catch (JsonProcessingException e) {
            LOG.warn("unreadable reporting lines in Redis, taken as none: {}", e.getOriginalMessage());
            return null;
        }
    }
}
