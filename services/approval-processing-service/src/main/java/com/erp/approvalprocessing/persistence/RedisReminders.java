package com.erp.approvalprocessing.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.erp.approvalprocessing.api.ReminderResult;
import com.erp.approvalprocessing.domain.ApprovalState;
import com.erp.approvalprocessing.domain.ReminderPolicy;
import com.erp.approvalprocessing.domain.Workflow;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.redis.LuaScripts;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.redis.RedisReportingLines;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
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
 * the same event id, which is told once. Once the step has waited the policy's escalate-after, the reminder also
 * names the superiors of whoever it waits on (from {@link RedisReportingLines}). Also the drafter's own reminders, at
 * most one per {@code requestedEvery}.
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
    private final Duration requestedEvery;
    private final RedisScript<Long> moveOn;
    private final RedisScript<Long> release;
    private final RedisReportingLines reportingLines;

    public RedisReminders(StringRedisTemplate redis, ObjectMapper json, Clock clock, Workflow workflow,
                          ReminderPolicy policy, int batch, Duration requestedEvery, RedisReportingLines reportingLines) {
        this.reportingLines = reportingLines;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.workflow = workflow;
        this.policy = policy;
        this.batch = batch;
        this.requestedEvery = requestedEvery;
        this.moveOn = LuaScripts.fromClasspath("redis/move-reminder.lua", Long.class);
        this.release = LuaScripts.fromClasspath("redis/release-reminder.lua", Long.class);
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
                ApprovalState state = json.readValue(value.toString(), ApprovalState.class);
                reminder = workflow.reminder(state, due.due(), policy);
                if (reminder != null && policy.escalates(state.activatedAt(), reminder.occurredAt())) {
                    reminder = reminder.withEscalation(ReminderPolicy.escalation(reminder.waitingOn(),
                            reminder.deputies(), reminder.drafter(), reportingLines.superiors()));
                }
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

    /**
     * No reminder could be made of it (its own trouble, logged): tried again a repeat later, so that it does not stay
     * first in every period's batch, in front of the documents due after it.
     */
    public void passedOver(Due due) {
        sent(due); // the same move as after a reminder sent
    }

    /**
     * The drafter's reminder (독촉) of the document, by the rules ({@link Workflow#requestedReminder}); refused (429)
     * sooner than {@code requestedEvery} after their last one of it, so a drafter cannot flood the approver.
     */
    public ReminderEvent request(ApprovalState state, String approvalId, Caller caller) {
        ReminderEvent reminder = workflow.requestedReminder(state, approvalId, caller, policy);
        // the hour is taken before sending, so two requests at the same moment send one reminder
        String key = RedisKeys.reminded(approvalId);
        if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, reminder.eventId(), requestedEvery))) {
            Long left = redis.getExpire(key, TimeUnit.SECONDS);
            long seconds = left == null || left <= 0 ? 1 : left;
            throw ProblemException.tooManyRequests(String.format("You reminded them of this document less than %d "
                    + "minutes ago; you may again in %d minutes.", requestedEvery.toMinutes(),
                    Math.max(1, (seconds + 59) / 60)), (int) seconds);
        }
        return reminder;
    }

    /** The drafter's reminder was sent; the answer names who was reminded. */
    public ReminderResult requestSent(ReminderEvent reminder) {
        return new ReminderResult(reminder.approvalId(), reminder.step(), reminder.waitingOn(), reminder.deputies());
    }

    /** The drafter's reminder could not be sent: their hour is given back (unless a later request holds it already). */
    public void requestFailed(ReminderEvent reminder) {
        redis.execute(release, List.of(RedisKeys.reminded(reminder.approvalId())), reminder.eventId());
    }

    /** Moves the document's reminder to {@code next} (0: none), if it is still the one that was due. */
    private void move(Due due, long next) {
        redis.execute(moveOn, List.of(RedisKeys.REMINDERS), due.approvalId(), String.valueOf(due.due()),
                String.valueOf(next));
    }
}
