package com.erp.notification.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.redis.LuaScripts;
import com.erp.routes.common.redis.RedisKeys;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The notifications of one event, stored and published in one Lua script (bean {@code notificationStore}):
 * each into its recipient's inbox {@code erp:notifications:<user id>} (newest first, the last {@code keep}),
 * its unread counter {@code erp:notifications:<user id>:unread} incremented, and published on the pub/sub
 * channel, from which every instance delivers it to its own WebSocket sessions of that user. A notification
 * whose id was stored before ({@code erp:notified:<id>}, kept for {@code dedupe-ttl}) is skipped, so a
 * redelivered event tells nobody twice. Nor is a notification that tells someone where they stand on a document at
 * an older state than one they were told of ({@code erp:notified-standing:<approval id>}, the newest state version
 * told to each person, kept as long as the dedupe marks): the topics of one document's events are consumed
 * independently, so under lag a retraction's "it no longer waits for you" can arrive after the activation that asks
 * them again, and would leave them believing the document does not wait for them.
 * <p>
 * Of one sender's notifications (the {@code actor}: who submitted, decided, reminded) an inbox keeps the newest
 * {@code keepPerSender}: anyone may name anyone on a line or in cc, so a few hundred submit-and-withdraw cycles would
 * otherwise push everything else someone was told out of their inbox. How many of each sender's an inbox holds is
 * counted in {@code erp:notifications:<user id>:senders}, kept as long as the inbox.
 * <p>
 * One script instead of a command each: notification.notify is one Kafka consumer (an event's notifications
 * keep their order), and six round trips per notification were what limited the whole end-to-end pipeline.
 * It also leaves nothing half done: before, a crash between the dedupe mark and the inbox lost a notification.
 * camel-spring-redis offers no Lua call, hence a bean (as approval-processing's store).
 */
public class NotificationStore {

    private final StringRedisTemplate redis;
    private final NotificationViews views;
    private final String channel;
    private final int keep;
    private final int keepPerSender;
    private final Duration dedupeTtl;
    private final Duration inboxKept;
    private final RedisScript<Long> script;
    private final RedisScript<Long> markRead;

    public NotificationStore(StringRedisTemplate redis, NotificationViews views, String channel, int keep,
                             int keepPerSender, Duration dedupeTtl, Duration inboxKept) {
        if (keep < 1) {
            throw new IllegalArgumentException("erp.notification.keep must be at least 1, was " + keep);
        }
        if (keepPerSender < 1) {
            throw new IllegalArgumentException("erp.notification.keep-per-sender must be at least 1, was "
                    + keepPerSender);
        }
        this.redis = redis;
        this.views = views;
        this.channel = channel;
        this.keep = keep;
        this.keepPerSender = keepPerSender;
        this.dedupeTtl = dedupeTtl;
        this.inboxKept = inboxKept;
        this.script = LuaScripts.fromClasspath("redis/store-notifications.lua", Long.class);
        this.markRead = LuaScripts.fromClasspath("redis/mark-notifications-read.lua", Long.class);
    }

    /**
     * Marks {@code userId}'s notifications read up to {@code seen}, the id of the newest one they were shown (null or
     * blank: all): those stored since stay unread, also when one arrives between the listing and this call.
     * Returns how many are left unread.
     */
    public long markRead(long userId, String seen) {
        Long left = redis.execute(markRead, List.of(RedisKeys.notifications(userId), RedisKeys.unread(userId)),
                seen == null ? "" : seen.strip());
        return left == null ? 0 : left;
    }

    /**
     * Inboxes and unread counters without an expiry (kept from before every notification stored set one,
     * {@code erp.notification.inbox-kept}): given it, counted from now, so those of people who left lapse too.
     * Returns how many.
     */
    public long expireKeptForGood() {
        long set = 0;
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(RedisKeys.NOTIFICATIONS + "*")
                .count(500).build())) {
            while (keys.hasNext()) {
                String key = keys.next();
                if (key.endsWith(RedisKeys.SENDERS)) {
                    continue; // always stored with an expiry (and many): no round trip for them
                }
                Long ttl = redis.getExpire(key);
                // -1: no expiry (-2: gone meanwhile); one set meanwhile by a notification is set again alike
                if (ttl != null && ttl == -1 && Boolean.TRUE.equals(redis.expire(key, inboxKept))) {
                    set++;
                }
            }
        }
        return set;
    }

    /** Stores and publishes the deliveries not stored before; returns how many that were. */
    public long store(List<Delivery> deliveries) {
        if (deliveries == null || deliveries.isEmpty()) {
            return 0;
        }
        List<String> keys = new ArrayList<>(deliveries.size() * 5);
        List<String> args = new ArrayList<>(5 + deliveries.size() * 5);
        args.add(String.valueOf(Math.max(1, dedupeTtl.toSeconds())));
        args.add(String.valueOf(keep));
        args.add(channel);
        args.add(String.valueOf(Math.max(1, inboxKept.toSeconds())));
        args.add(String.valueOf(keepPerSender));
        for (Delivery d : deliveries) {
            keys.add(RedisKeys.notified(d.notification().id()));
            keys.add(RedisKeys.notifications(d.userId()));
            keys.add(RedisKeys.unread(d.userId()));
            String document = d.notification().approvalId();
            boolean standing = d.standing() != null && document != null;
            keys.add(standing ? RedisKeys.notifiedStanding(document) : RedisKeys.notified(d.notification().id()));
            keys.add(RedisKeys.notificationSenders(d.userId()));
            // a mark of where someone stands, and nothing to store or publish: empty (the script only marks)
            args.add(d.isStandingOnly() ? "" : views.toJson(d.notification()));
            args.add(d.isStandingOnly() ? "" : views.toJson(d));
            args.add(String.valueOf(d.userId()));
            args.add(standing ? String.valueOf(d.standing()) : "");
            Person sender = d.notification().actor();
            args.add(sender == null ? "" : String.valueOf(sender.id()));
        }
        Long stored = redis.execute(script, keys, args.toArray());
        return stored == null ? 0 : stored;
    }
}
