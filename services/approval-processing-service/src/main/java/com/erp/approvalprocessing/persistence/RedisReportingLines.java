package com.erp.approvalprocessing.persistence;

import java.time.Duration;
import java.util.Map;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReportingLines;
import com.erp.routes.common.redis.RedisKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The org chart's reporting lines as approval-processing knows them (bean {@code reportingLines}): the newest
 * {@link ReportingLines} employee-service published, kept in Redis for every instance ({@link RedisKeys#REPORTING_LINES}).
 * Read only by escalating reminders, so each instance keeps what it read for {@code kept} rather than for good.
 */
public class RedisReportingLines {

    private static final Logger LOG = LoggerFactory.getLogger(RedisReportingLines.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final long keptNanos;
    private volatile Map<Long, Person> superiors;
    private volatile long readAt;

    public RedisReportingLines(StringRedisTemplate redis, ObjectMapper json, Duration kept) {
        this.redis = redis;
        this.json = json;
        this.keptNanos = kept.toNanos();
    }

    /**
     * Keeps the lines read last: the topic's one key keeps its records in the order employee-service wrote them (a
     * dead letter replayed late would hold only until the chart is published again, at most a republish period).
     */
    public void apply(ReportingLines lines) throws JsonProcessingException {
        redis.opsForValue().set(RedisKeys.REPORTING_LINES, json.writeValueAsString(lines.checked()));
        superiors = null;
    }

    /** Each employee's superior, by id; empty until employee-service has published the chart. */
    public Map<Long, Person> superiors() {
        Map<Long, Person> known = superiors;
        if (known == null || System.nanoTime() - readAt > keptNanos) {
            ReportingLines stored = stored();
            known = stored == null ? Map.of() : stored.superiors();
            superiors = known;
            readAt = System.nanoTime();
        }
        return known;
    }

    private ReportingLines stored() {
        String value = redis.opsForValue().get(RedisKeys.REPORTING_LINES);
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
