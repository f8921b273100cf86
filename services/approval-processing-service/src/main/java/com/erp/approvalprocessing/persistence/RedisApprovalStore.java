package com.erp.approvalprocessing.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.erp.approvalprocessing.api.Inbox;
import com.erp.approvalprocessing.domain.ApprovalState;
import com.erp.approvalprocessing.domain.ReminderPolicy;
import com.erp.approvalprocessing.domain.Transition;
import com.erp.approvalprocessing.domain.Workflow;
import com.erp.routes.common.CurrentTrace;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Topics;
import com.erp.routes.common.kafka.OutboxEntry;
import com.erp.routes.common.redis.LuaScripts;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * approval-processing's state in Redis (bean {@code approvalStore}):
 * <ul>
 *   <li>{@code erp:approval:<id>}: hash {version, state} of each document</li>
 *   <li>{@code erp:inbox:<employee id>}: hash approval id → inbox item, what that person must decide</li>
 *   <li>{@code erp:processing:outbox}: hash event id → event waiting to be published, its order and the
 *   documents held behind a failed event ({@link RedisOutbox})</li>
 *   <li>{@code erp:reminders}: sorted set of the documents in progress, scored by when each next reminds (독촉,
 *   epoch ms; {@link RedisReminders})</li>
 * </ul>
 * (Key names: {@link RedisKeys}.)
 * A transition is written by one Lua script, so the state, the inboxes and the outbox change together or not
 * at all, and only if nobody changed the state meanwhile. Reads go through camel-spring-redis in the routes;
 * the script needs a Lua call, which camel-spring-redis does not offer.
 */
public class RedisApprovalStore {

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Topics topics;
    private final Clock clock;
    private final Duration finishedTtl;
    private final RedisScript<Long> script;
    private final RedisDelegations delegations;
    private final ReminderPolicy reminders;

    private final CurrentTrace trace;

    /** @param trace the trace each outbox entry keeps (the request's or event's that stored it), for the relay */
    public RedisApprovalStore(StringRedisTemplate redis, ObjectMapper json, Topics topics, Clock clock,
                              Duration finishedTtl, RedisDelegations delegations,
                              ReminderPolicy reminders, CurrentTrace trace) {
        this.redis = redis;
        this.trace = trace;
        this.delegations = delegations;
        this.reminders = reminders;
        this.json = json;
        this.topics = topics;
        this.clock = clock;
        this.finishedTtl = finishedTtl;
        this.script = LuaScripts.fromClasspath("redis/commit-transition.lua", Long.class);
    }

    /** The state from an HGETALL of its key; null when there is none. */
    public ApprovalState state(Map<?, ?> hash) {
        if (hash == null || hash.isEmpty() || hash.get("state") == null) {
            return null;
        }
        return read(hash.get("state").toString(), ApprovalState.class);
    }

    /**
     * Stores the first state of a document; false if it exists already (the submission was redelivered), or if the
     * submission was refused (another version of the line's rules, during a rollout, refused it first: {@link #refuse}).
     */
    public boolean create(Transition transition) {
        // the script checks both, in the same step as it stores (and never holds a document's first events)
        return run(transition) == 1L;
    }

    /**
     * Whether the submission may be refused: false if processing started the document already (a version of the
     * rules that let it through did, during a rollout: it stays started). Marks it refused, so that no later
     * delivery starts it (kept as long as Kafka keeps a redelivery possible, and more).
     */
    public boolean refuse(ApprovalEvent submission) {
        if (Boolean.TRUE.equals(redis.hasKey(RedisKeys.approval(submission.approvalId())))) {
            return false;
        }
        redis.opsForValue().set(RedisKeys.refused(submission.approvalId()), "1", Duration.ofDays(30));
        return true;
    }

    /**
     * How often a change is tried against a document others keep changing before the caller gets 409: more than a
     * 합의 step has agreers (10), who may all decide at the same moment and are each served in turn.
     */
    public static final int ATTEMPTS = 12;

    /**
     * Stores a change made from the state as it was read; null if another change was stored first (the caller reads
     * the state again and retries), or 409 after {@value #ATTEMPTS} such attempts. The transition stored comes back
     * {@linkplain Transition#heldForTheRelay() held for the relay} when an earlier event of the document failed and
     * waits in the outbox ({@link RedisOutbox#hold}): its events wait there behind it.
     */
    public Transition commit(Transition transition, int attempt) {
        long stored = run(transition);
        if (stored == 1L) {
            return transition;
        }
        if (stored == 2L) {
            return transition.heldForTheRelay();
        }
        if (attempt >= ATTEMPTS) {
            throw ProblemException.conflict("Others kept changing this document at the same moment; reload it and try again.");
        }
        // a few milliseconds, more each time and different for each: the racers do not meet again at once
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 4L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private long run(Transition t) {
        ApprovalState s = t.state();
        List<String> keys = new ArrayList<>(List.of(RedisKeys.approval(s.approvalId()), RedisKeys.PROCESSING_OUTBOX,
                RedisKeys.REMINDERS, RedisKeys.refused(s.approvalId()), RedisKeys.PROCESSING_OUTBOX_ORDER,
                RedisKeys.PROCESSING_OUTBOX_SEQUENCE, RedisKeys.processingHeld(s.approvalId())));
        List<String> args = new ArrayList<>(List.of(String.valueOf(t.expectedVersion()), String.valueOf(s.version()),
                write(s), String.valueOf(t.inbox().size())));
        for (Transition.InboxChange change : t.inbox()) {
            keys.add(RedisKeys.inbox(change.employeeId()));
            args.add(change.add() ? "add" : "del");
            args.add(change.approvalId());
            args.add(change.add() ? write(inboxItem(s, change.employeeId())) : "");
        }
        List<OutboxEntry> entries = outbox(t);
        args.add(String.valueOf(entries.size()));
        for (OutboxEntry entry : entries) {
            args.add(entry.eventId());
            args.add(write(entry));
        }
        boolean finished = s.progress().status() != Progress.Status.IN_PROGRESS;
        args.add(String.valueOf(finished ? finishedTtl.toSeconds() : 0));
        args.add(reminder(t, finished));
        args.add(s.approvalId());
        Long result = redis.execute(script, keys, args.toArray());
        return result == null ? 0 : result;
    }

    /**
     * When the document next reminds, as the commit script takes it: a step just activated reminds once it has waited
     * long enough; a finished document never again, nor one on hold; otherwise (an agreer's part decided) as it was.
     */
    private String reminder(Transition t, boolean finished) {
        if (finished || t.state().progress().activeHold() != null) {
            return "0"; // a step on hold (보류) is not reminded of; deciding it activates the next, which is
        }
        boolean activated = t.events().stream().anyMatch(e -> e.payload() instanceof EventPayload.StepActivated);
        if (!activated) {
            return "";
        }
        return reminders.isOn() ? String.valueOf(reminders.firstDue(t.state().activatedAt()).toEpochMilli()) : "0";
    }

    /** The inbox item of {@code employeeId}, whose step is the active one. */
    private static Inbox.Item inboxItem(ApprovalState s, long employeeId) {
        int step = s.progress().currentStep();
        Progress.Hold hold = s.progress().activeHold();
        Person approver = s.step(step).approver();
        boolean finalAuthority = approver != null && approver.id() == employeeId && Workflow.mayApproveFinally(s, approver);
        return new Inbox.Item(s.approvalId(), s.title(), s.drafter(), step, s.stepCount(), s.activatedAt(), null,
                s.step(step).isAgreement() ? Boolean.TRUE : null, hold == null ? null : hold.at(),
                finalAuthority ? Boolean.TRUE : null);
    }

    /** The events of a transition as outbox entries, to publish right away. */
    public List<OutboxEntry> outbox(Transition transition) {
        String traceparent = trace.traceparent();
        return transition.events().stream().map(e -> new OutboxEntry(e.approvalId(), e.eventId(),
                topics.topicOf(e.eventType()), write(e), e.occurredAt(), traceparent)).toList();
    }

    /**
     * The caller's inbox (from an HGETALL of it, or for one document an HGET of its item) and the steps of the
     * approvers they decide for today (대결), except documents the caller drafted or is on the line of (which they
     * could not decide for anyone); oldest first. Two
     * people the caller stands in for on one document are two items, each with its {@code onBehalfOf}. The page
     * asked for of them ({@link Inbox#page}). Bound by annotation, not by a method expression, which would take a
     * cursor "null" for no cursor.
     */
    public Inbox inbox(@Body Object stored, @Variable("caller") Caller caller, @Variable("drafterId") Long drafterId,
                       @Variable("approvalId") String approvalId, @Variable("cursor") String cursor,
                       @Variable("limit") Integer limit) {
        List<Inbox.Item> items = new ArrayList<>(items(stored));
        for (Person approver : delegations.actingFor(caller.id())) {
            String theirs = RedisKeys.inbox(approver.id());
            // one document asked for: its item alone is read, no other document's state to judge it
            items(approvalId == null ? redis.opsForHash().entries(theirs) : redis.opsForHash().get(theirs, approvalId))
                    .stream()
                    .filter(item -> mayDecideFor(item.approvalId(), caller))
                    .map(item -> item.forApprover(approver))
                    .forEach(items::add);
        }
        return Inbox.page(items, new Inbox.Filter(drafterId, approvalId), cursor, limit);
    }

    /** Whether a deputy may decide this document for someone: not one they drafted or are on the line of. */
    private boolean mayDecideFor(String approvalId, Caller deputy) {
        Object json = redis.opsForHash().get(RedisKeys.approval(approvalId), "state");
        if (json == null) {
            return false;
        }
        ApprovalState state = read(json.toString(), ApprovalState.class);
        return state.drafter().id() != deputy.id() && !state.isOnLine(deputy.id());
    }

    /** The items of an inbox hash (HGETALL), or the one item of an HGET (none if absent). */
    private List<Inbox.Item> items(Object stored) {
        if (stored instanceof Map<?, ?> hash) {
            return hash.values().stream().map(v -> read(v.toString(), Inbox.Item.class)).toList();
        }
        return stored == null ? List.of() : List.of(read(stored.toString(), Inbox.Item.class));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " in Redis", e);
        }
    }
}
