package com.erp.approvalprocessing.persistence;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.erp.approvalprocessing.domain.ApprovalState;
import com.erp.approvalprocessing.domain.ReminderPolicy;
import com.erp.approvalprocessing.domain.Workflow;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.redis.LuaScripts;
import com.erp.routes.common.redis.RedisKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * 독촉 (bean {@code reminders}): finds the documents whose active step is due a reminder in {@code erp:reminders}
 * (kept by the commit script: scored when a step is activated, removed when the document is finished), makes each
 * reminder, and once it is sent moves the document's next one on by the policy's {@code repeat}. A reminder is moved
 * on only after it was sent, so one that could not be sent is tried again; two instances finding the same one send
 * the same event id, which is told once.
 */
public class RedisReminders {

    private static final Logger LOG = LoggerFactory.getLogger(RedisReminders.class);

    /** A document due a reminder, and when it was due (its score, epoch ms). */
    public record Due(String approvalId, long due) {
    }

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Clock clock;
    private final Workflow workflow;
    private final ReminderPolicy policy;
    private final int batch;
    private final RedisScript<Long> moveOn;

    public RedisReminders(StringRedisTemplate redis, ObjectMapper json, Clock clock, Workflow workflow,
                          ReminderPolicy policy, int batch) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.workflow = workflow;
        this.policy = policy;
        this.batch = batch;
        this.moveOn = LuaScripts.fromClasspath("redis/move-reminder.lua", Long.class);
    }

    /** The documents due a reminder now, the longest due first (at most a batch). */
    public List<Due> due() {
        if (!policy.isOn()) {
            return List.of();
        }
        Set<TypedTuple<String>> due = redis.opsForZSet().rangeByScoreWithScores(RedisKeys.REMINDERS, 0,
                clock.millis(), 0, batch);
        return due == null ? List.of() : due.stream()
                .map(t -> new Due(t.getValue(), Objects.requireNonNull(t.getScore()).longValue())).toList();
    }

    /** The reminder to send for it; null when none is (finished or gone meanwhile: then it is forgotten). */
    public ReminderEvent reminderFor(Due due) {
        Object value = redis.opsForHash().get(RedisKeys.approval(due.approvalId()), "state");
        ReminderEvent reminder = null;
        if (value != null) {
            try {
                reminder = workflow.reminder(json.readValue(value.toString(), ApprovalState.class), due.due(), policy);
            } catch (JsonProcessingException e) {
                LOG.warn("approval {}: unreadable state, no reminders for it ({})", due.approvalId(), e.getOriginalMessage());
            }
        }
        if (reminder == null) {
            move(due, 0);
        }
        return reminder;
    }

    /** It was sent: the next one is due a repeat later, unless the document moved on meanwhile (then as it says). */
    public void sent(Due due) {
        move(due, policy.nextDue(clock.instant()).toEpochMilli());
    }

    /** Moves the document's reminder to {@code next} (0: none), if it is still the one that was due. */
    private void move(Due due, long next) {
        redis.execute(moveOn, List.of(RedisKeys.REMINDERS), due.approvalId(), String.valueOf(due.due()),
                String.valueOf(next));
    }
}
