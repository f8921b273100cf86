package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.erp.devinfra.EmbeddedServer;
import com.erp.devinfra.EmbeddedServers;
import com.erp.routes.common.redis.RedisKeys;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.spi.InflightRepository;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis away for longer than any retry budget: the submission consumed meanwhile waits for it (retried, in
 * order) and is activated once it is back. Before, it went to the dead-letter topic after three retries and the
 * document stayed submitted for good.
 */
@TestPropertySource(properties = {
        "spring.data.redis.timeout=500ms", // a command fails within half a second while Redis is away
        "erp.consumer.max-redelivery-delay-ms=500",
        // a topic and group of its own: the other tests' cached context consumes approval.submitted too
        "erp.topics.submitted=" + StoreOutageTest.TOPIC,
        "erp.approval-processing.group-id=erp-approval-processing-outage",
        // and empty topics for its other consumers: in this new group they would read the other tests' messages from
        // the start and, Redis away, retry one for good without polling, which holds up the group's rebalance, and
        // with it the assignment of the submissions' topic (seen in CI: no attempt within a minute)
        "erp.topics.leave-reserved=approval.leave-reserved.outage",
        "erp.topics.delegation-changed=employee.delegation-changed.outage",
        "erp.approval-processing.reminders.after=0",
        "camel.main.inflight-repository-browse-enabled=true" // to see the retries of the message in flight
})
class StoreOutageTest extends ProcessingRouteTestBase {

    static final String TOPIC = "approval.submitted.outage";
    private static final String ROUTE = "approval-processing.activate-step";

    @Test
    void aSubmissionConsumedWhileRedisIsAwayIsActivatedWhenItReturnsAndNotDeadLettered() throws Exception {
        EmbeddedServer redisServer = EmbeddedServers.shared(new EmbeddedServers.Options(null, Set.of(), false, 0))
                .get(EmbeddedServer.Kind.REDIS);
        String id = UUID.randomUUID().toString();
        redisServer.stop();
        try {
            kafka.send(TOPIC, id, json.writeValueAsString(submittedEvent(id)));
            // more attempts than the retries other failures get before they are dead-lettered (3)
            awaitRedeliveries(6);
        } finally {
            redisServer.start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"1".equals(versionOrNull(id)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(version(id)).as("activated once Redis was back").isEqualTo("1");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isTrue();
        assertThat(kafka.await(TOPIC + ".dlq", r -> id.equals(r.key()), 1, Duration.ofSeconds(2)))
                .as("nothing dead-lettered").isEmpty();
    }

    @Test
    void aRouteStoppedInTheMiddleOfABatchLosesNoneOfIt() throws Exception {
        // stopped (a deploy, the console) while working through 2,000 queued: what it had polled and not processed
        // is consumed after the start, not skipped as committed
        Map<String, String> submissions = submissions(2000);
        NotifyBuilder someDone = new NotifyBuilder(camel).fromRoute(ROUTE).whenCompleted(300).create();
        kafka.sendAll(TOPIC, submissions);
        assertThat(someDone.matches(60, TimeUnit.SECONDS)).as("consuming").isTrue();
        camel.getRouteController().stopRoute(ROUTE);
        assertThat(notActivated(submissions.keySet(), Duration.ZERO)).as("some still queued at the stop").isNotEmpty();
        camel.getRouteController().startRoute(ROUTE);
        assertThat(notActivated(submissions.keySet(), Duration.ofSeconds(90))).as("not activated").isEmpty();
    }

    @Test
    void aRouteStoppedWhileRedisIsAwayLosesNothingOfItsBatch() throws Exception {
        EmbeddedServer redisServer = EmbeddedServers.shared(new EmbeddedServers.Options(null, Set.of(), false, 0))
                .get(EmbeddedServer.Kind.REDIS);
        Map<String, String> submissions = submissions(40);
        redisServer.stop();
        try {
            kafka.sendAll(TOPIC, submissions);
            awaitRedeliveries(2);
            // the message being retried is given up at the stop, the others of its batch were never tried
            camel.getRouteController().stopRoute(ROUTE);
        } finally {
            redisServer.start();
        }
        camel.getRouteController().startRoute(ROUTE);
        assertThat(notActivated(submissions.keySet(), Duration.ofSeconds(90))).as("not activated").isEmpty();
    }

    private Map<String, String> submissions(int count) throws Exception {
        Map<String, String> submissions = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            submissions.put(id, json.writeValueAsString(submittedEvent(id)));
        }
        return submissions;
    }

    private Set<String> notActivated(Set<String> ids, Duration timeout) throws InterruptedException {
        Set<String> waiting = new HashSet<>(ids);
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            waiting.removeIf(id -> "1".equals(versionOrNull(id)));
            if (!waiting.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(300);
            }
        } while (!waiting.isEmpty() && System.nanoTime() < deadline);
        return waiting;
    }

    private void awaitRedeliveries(int attempts) throws InterruptedException {
        InflightRepository inflight = camel.getInflightRepository();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean reached = inflight.browse(ROUTE).stream().anyMatch(i -> i.getExchange().getIn()
                    .getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) >= attempts);
            if (reached) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the submission was not being retried while Redis was away");
    }

    private String versionOrNull(String id) {
        try {
            return version(id);
        } catch (RuntimeException e) {
            return null; // Redis still reconnecting
        }
    }
}
