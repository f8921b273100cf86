package com.erp.notification.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import com.erp.devinfra.EmbeddedServer;
import com.erp.devinfra.EmbeddedServers;
import com.erp.notification.NotificationServiceApplication;
import com.erp.notification.api.Notification;
import com.erp.notification.domain.Delivery;
import com.erp.notification.domain.NotificationStore;
import com.erp.notification.domain.NotificationViews;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.events.ReportingLines;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.ServiceTestSupport;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;

/** notification-service on a real Kafka broker and Redis, with real WebSocket clients. */
@CamelSpringBootTest
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=notification-service",
                "erp.embedded.enabled=true",
                "erp.embedded.servers=kafka,redis",
                "erp.consumer.redelivery-delay-ms=50",
                "erp.notification.keep=3"
        })
class NotifyRouteTest extends ServiceTestSupport {

    private static final String CONTRACT = "notification-api.yaml";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ObjectMapper json;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    NotificationViews views;
    Person drafter;
    Person lead;

    @BeforeEach
    void freshPeople() {
        long base = 5000 + (long) (Math.random() * 1_000_000); // fresh people each test: inboxes start empty
        drafter = new Person(base, "김민준", "STAFF", "개발본부");
        lead = new Person(base + 1, "이서연", "TEAM_LEAD", "개발본부");
    }

    private void publish(String topic, ApprovalEvent e) throws Exception {
        kafka.send(topic, e.approvalId(), json.writeValueAsString(e));
    }

    private final Progress progress = new Progress(Progress.Status.IN_PROGRESS, 1, List.of());

    @Test
    void eachEventReachesTheRightPeopleLiveAndIsStoredForLater() throws Exception {
        String id = UUID.randomUUID().toString();
        try (WebSocketTestClient drafterSocket = WebSocketTestClient.withHeader(port, "/ws/notifications", token(drafter));
             WebSocketTestClient leadSocket = WebSocketTestClient.withHeader(port, "/ws/notifications", token(lead))) {
            NotifyBuilder done = new NotifyBuilder(camel).fromRoute("notification.notify").whenCompleted(3).create();
            ApprovalEvent activated = ApprovalEvent.of(id, 1, Instant.now(),
                    new EventPayload.StepActivated(drafter.id(), "출장 보고", drafter, 1, 1, List.of(lead), progress));
            publish("approval.step-activated", activated);
            publish("approval.step-activated", activated); // redelivered: nobody is told twice
            publish("approval.decided", ApprovalEvent.of(id, 2, Instant.now(), new EventPayload.Decided(drafter.id(),
                    "출장 보고", 1, 1, lead, EventPayload.Decision.APPROVED, null, progress)));
            assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

            JsonNode toLead = leadSocket.await(1, WAIT).get(0);
            assertThat(toLead.path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(toLead.path("approvalId").asText()).isEqualTo(id);
            assertThat(toLead.path("message").asText()).contains("You have a document to approve");
            JsonNode toDrafter = drafterSocket.await(1, WAIT).get(0);
            assertThat(toDrafter.path("type").asText()).isEqualTo("STEP_APPROVED");
            assertThat(toDrafter.path("actor").path("name").asText()).isEqualTo(lead.name());
            assertThat(leadSocket.next(Duration.ofMillis(500))).as("no duplicate").isNull();
        }

        HttpTestClient.Response stored = http.get("/api/notifications", token(lead));
        assertThat(stored.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/notifications", stored);
        assertThat(stored.json().path("unread").asLong()).isEqualTo(1);
        assertThat(stored.json().path("items").findValuesAsText("type")).containsExactly("APPROVAL_REQUESTED");

        HttpTestClient.Response read = http.post("/api/notifications/read", token(lead), null);
        assertThat(read.status()).isEqualTo(204);
        assertThat(http.get("/api/notifications", token(lead)).json().path("unread").asLong()).isZero();
        assertThat(http.get("/api/notifications?limit=1", token(drafter)).json().path("items")).hasSize(1);
    }

    /**
     * A retraction's "it no longer waits for you" (approval.decided) and the activation that asks again
     * (approval.step-activated) come from different topics: under lag the older can arrive last, and must not leave
     * the approver believing the document does not wait for them. In order, both are told.
     */
    @Test
    void aStaleNoLongerWaitsArrivingAfterTheNewerAskIsNotTold() throws Exception {
        // one approver per document: an inbox here keeps the newest 3
        Person head = new Person(lead.id() + 1, "박지훈", "DEPT_HEAD", "개발본부");
        Person other = new Person(lead.id() + 2, "강도윤", "DEPT_HEAD", "영업본부");
        String inOrder = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("notification.notify").whenCompleted(6).create();
        publish("approval.step-activated", ApprovalEvent.of(inOrder, 3, Instant.now(),
                new EventPayload.StepActivated(drafter.id(), inOrder, drafter, 2, 2, List.of(head), progress)));
        publish("approval.step-activated", ApprovalEvent.of(late, 3, Instant.now(),
                new EventPayload.StepActivated(drafter.id(), late, drafter, 2, 2, List.of(other), progress)));
        // in order: taken back (4), then asked again (6)
        publish("approval.decided", retraction(inOrder, head));
        publish("approval.step-activated", ApprovalEvent.of(inOrder, 6, Instant.now(),
                new EventPayload.StepActivated(drafter.id(), inOrder, drafter, 2, 2, List.of(head), progress)));
        // late: asked again (6) is consumed before the retraction (4) it follows
        publish("approval.step-activated", ApprovalEvent.of(late, 6, Instant.now(),
                new EventPayload.StepActivated(drafter.id(), late, drafter, 2, 2, List.of(other), progress)));
        publish("approval.decided", retraction(late, other));
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

        assertThat(http.get("/api/notifications", token(head)).json().path("items").findValuesAsText("type"))
                .as("newest first").containsExactly("APPROVAL_REQUESTED", "APPROVAL_RETRACTED", "APPROVAL_REQUESTED");
        assertThat(http.get("/api/notifications", token(other)).json().path("items").findValuesAsText("type"))
                .containsExactly("APPROVAL_REQUESTED", "APPROVAL_REQUESTED");
        // the drafter's is a report of what happened: told however late
        JsonNode toDrafter = http.get("/api/notifications", token(drafter)).json().path("items");
        assertThat(toDrafter.findValuesAsText("type")).containsExactly("APPROVAL_RETRACTED", "APPROVAL_RETRACTED");
    }

    /**
     * 휴가 취소 of an approved leave: the cancellation (from approval-request) and the approval (from processing) come
     * from different topics; under lag the approval can arrive last, and must not tell the drafter afterwards that the
     * leave is approved. In order, both are told.
     */
    @Test
    void aLateApprovalOfALeaveAlreadyCancelledIsNotTold() throws Exception {
        Person admin = new Person(lead.id() + 3, "관리자", "STAFF", "경영지원본부");
        Person lateDrafter = new Person(lead.id() + 4, "최유진", "STAFF", "영업본부");
        String inOrder = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        // one at a time: the consumer reads both topics, in no order between them
        consumed("approval.completed", approved(inOrder, drafter));
        consumed("approval.leave-cancelled", cancelled(inOrder, drafter, admin));
        consumed("approval.leave-cancelled", cancelled(late, lateDrafter, admin));
        consumed("approval.completed", approved(late, lateDrafter));
        // a drafter who cancelled their own leave is told nothing of it, nor of its approval arriving late
        Person own = new Person(lead.id() + 5, "정하늘", "STAFF", "영업본부");
        String ownLate = UUID.randomUUID().toString();
        consumed("approval.leave-cancelled", cancelled(ownLate, own, own));
        consumed("approval.completed", approved(ownLate, own));
        // cancelled once the final decision (4) was recorded, before the completion (5) arrived: told nothing of it
        Person early = new Person(lead.id() + 6, "한지민", "STAFF", "영업본부");
        String earlyId = UUID.randomUUID().toString();
        consumed("approval.leave-cancelled", cancelled(earlyId, 4, early, admin));
        consumed("approval.completed", approved(earlyId, early));
        assertThat(http.get("/api/notifications", token(early)).json().path("items").findValuesAsText("type"))
                .containsExactly("LEAVE_CANCELLED");
        JsonNode ownList = http.get("/api/notifications", token(own)).json();
        assertThat(ownList.path("items")).isEmpty();
        assertThat(ownList.path("unread").asLong()).isZero();

        assertThat(http.get("/api/notifications", token(drafter)).json().path("items").findValuesAsText("type"))
                .as("newest first").containsExactly("LEAVE_CANCELLED", "APPROVAL_COMPLETED");
        assertThat(http.get("/api/notifications", token(lateDrafter)).json().path("items").findValuesAsText("type"))
                .containsExactly("LEAVE_CANCELLED");
    }

    private void consumed(String topic, ApprovalEvent e) throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("notification.notify").whenCompleted(1).create();
        publish(topic, e);
        assertThat(done.matches(30, TimeUnit.SECONDS)).as("%s consumed", topic).isTrue();
    }

    private ApprovalEvent approved(String id, Person drafter) {
        return ApprovalEvent.of(id, 5, Instant.now(), new EventPayload.Completed(drafter.id(), "여름 휴가", lead,
                new Progress(Progress.Status.APPROVED, 1, List.of()), null, null));
    }

    private ApprovalEvent cancelled(String id, Person drafter, Person admin) {
        // approval-request's event carries the version of the state it changes: the completion's
        return cancelled(id, 5, drafter, admin);
    }

    private ApprovalEvent cancelled(String id, long sequence, Person drafter, Person admin) {
        return ApprovalEvent.of(id, sequence, Instant.now(), new EventPayload.LeaveCancelled(drafter.id(), "여름 휴가", admin,
                null, "일정 변경", List.of(drafter, lead), null));
    }

    private ApprovalEvent retraction(String id, Person released) {
        return ApprovalEvent.of(id, 4, Instant.now(), new EventPayload.Decided(drafter.id(), id, 1, 2, lead,
                EventPayload.Decision.RETRACTED, null, progress, null, List.of(released)));
    }

    /**
     * Marking read goes up to the newest notification the caller was shown: one stored between reading the list and
     * marking it read stays unread (the badge would otherwise lose it unseen).
     */
    @Test
    void markingReadUpToTheNewestShownLeavesOneThatArrivedSinceUnread() throws Exception {
        NotifyBuilder two = new NotifyBuilder(camel).fromRoute("notification.notify").whenCompleted(2).create();
        for (int i = 1; i <= 2; i++) {
            publish("approval.step-activated", ApprovalEvent.of(UUID.randomUUID().toString(), 1, Instant.now(),
                    new EventPayload.StepActivated(drafter.id(), "보고 " + i, drafter, 1, 1, List.of(lead), progress)));
        }
        assertThat(two.matches(30, TimeUnit.SECONDS)).isTrue();
        JsonNode shown = http.get("/api/notifications", token(lead)).json();
        assertThat(shown.path("unread").asLong()).isEqualTo(2);
        String newestShown = shown.path("items").get(0).path("id").asText();

        NotifyBuilder third = new NotifyBuilder(camel).fromRoute("notification.notify").whenCompleted(1).create();
        publish("approval.step-activated", ApprovalEvent.of(UUID.randomUUID().toString(), 1, Instant.now(),
                new EventPayload.StepActivated(drafter.id(), "보고 3", drafter, 1, 1, List.of(lead), progress)));
        assertThat(third.matches(30, TimeUnit.SECONDS)).isTrue();

        HttpTestClient.Response read = http.post("/api/notifications/read?upTo=" + newestShown, token(lead), null);
        assertThat(read.status()).isEqualTo(204);
        JsonNode after = http.get("/api/notifications", token(lead)).json();
        assertThat(after.path("unread").asLong()).as("the one not shown").isEqualTo(1);
        assertThat(after.path("items").get(0).path("title").asText()).isEqualTo("보고 3");

        // marked again up to it: nothing left; an id that is not an id is refused by the contract
        http.post("/api/notifications/read?upTo=" + after.path("items").get(0).path("id").asText(), token(lead), null);
        assertThat(http.get("/api/notifications", token(lead)).json().path("unread").asLong()).isZero();
        assertProblem(http.post("/api/notifications/read?upTo=%27%29%3B", token(lead), null), 400);
    }

    /**
     * Pub/sub keeps nothing: what is published while the subscription is down (Redis restarting, until the client has
     * subscribed again) reaches no page. So once it is back, every connected page is asked to catch up from its inbox,
     * and the notifications published from then on arrive live again.
     */
    @Test
    void afterRedisRestartsEveryConnectedPageIsAskedToCatchUpAndNotificationsFlowAgain() throws Exception {
        EmbeddedServer redisServer = EmbeddedServers.shared(new EmbeddedServers.Options(null, Set.of(), false, 0))
                .get(EmbeddedServer.Kind.REDIS);
        try (WebSocketTestClient drafterSocket = WebSocketTestClient.withHeader(port, "/ws/notifications", token(drafter))) {
            assertThat(drafterSocket.next(Duration.ofMillis(500))).as("nothing before the restart").isNull();
            redisServer.stop();
            try {
                assertThat(drafterSocket.next(Duration.ofMillis(500))).as("nothing while Redis is away").isNull();
            } finally {
                redisServer.start();
            }
            JsonNode resync = drafterSocket.next(Duration.ofSeconds(60));
            assertThat(resync).as("asked to catch up once subscribed again").isNotNull();
            assertThat(resync.path("type").asText()).isEqualTo("RESYNC");

            String id = UUID.randomUUID().toString();
            publish("approval.decided", ApprovalEvent.of(id, 2, Instant.now(), new EventPayload.Decided(drafter.id(),
                    "재시작 후", 1, 1, lead, EventPayload.Decision.APPROVED, null, progress)));
            JsonNode live = drafterSocket.next(WAIT);
            assertThat(live).as("a notification after the restart, live").isNotNull();
            assertThat(live.path("approvalId").asText()).isEqualTo(id);
        }
    }

    /**
     * The org chart employee-service publishes names who heads a receiving department now (route
     * notification.reporting-lines): the head a document kept from its submission has moved away since.
     */
    @Test
    void theHeadOfAReceivingDepartmentNowIsToldOfItsApprovalByTheOrgChart() throws Exception {
        Person movedAway = new Person(drafter.id() + 2, "강도윤", "DEPT_HEAD", "영업본부");
        Person newHead = new Person(drafter.id() + 3, "한지민", "DEPT_HEAD", "영업본부");
        long department = drafter.id() + 4; // a department of this test's own
        NotifyBuilder chartKept = new NotifyBuilder(camel).fromRoute("notification.reporting-lines").whenCompleted(1).create();
        kafka.send("employee.reporting-lines", ReportingLines.KEY, json.writeValueAsString(new ReportingLines(
                UUID.randomUUID().toString(), ReportingLines.VERSION, Instant.now(),
                List.of(new ReportingLines.Line(drafter.id(), lead)),
                List.of(new ReportingLines.Head(department, newHead)))));
        assertThat(chartKept.matches(30, TimeUnit.SECONDS)).isTrue();

        String id = UUID.randomUUID().toString();
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("notification.notify").whenCompleted(1).create();
        publish("approval.completed", ApprovalEvent.of(id, 3, Instant.now(), new EventPayload.Completed(drafter.id(),
                "수신처 보고", lead, new Progress(Progress.Status.APPROVED, null, List.of()), null, null, null,
                List.of(new ReceivingDepartment(department, "영업본부", movedAway)))));
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(http.get("/api/notifications", token(newHead)).json().path("items").findValuesAsText("type"))
                .containsExactly("DOCUMENT_RECEIVED");
        assertThat(http.get("/api/notifications", token(movedAway)).json().path("items")).as("moved away").isEmpty();
        redis.delete(RedisKeys.NOTIFICATION_ORG_CHART); // a chart of this test's own departments, not the others'
    }

    /**
     * A reminder made from the state before a decision (processing's reminder and decision go by different topics)
     * arriving after it does not ask the one who decided for it; made from that state or a later one, it is told.
     */
    @Test
    void aReminderMadeBeforeTheDecisionArrivingAfterItDoesNotAskTheDeciderAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        consumed("approval.decided", ApprovalEvent.of(id, 4, Instant.now(), new EventPayload.Decided(drafter.id(),
                "출장 보고", 1, 2, lead, EventPayload.Decision.APPROVED, null, progress, null)));
        ReminderEvent made = new ReminderEvent(UUID.randomUUID().toString(), ReminderEvent.VERSION, Instant.now(), id,
                "출장 보고", drafter, 1, 2, List.of(lead), null, Instant.now().minusSeconds(36_000), 8);
        reminded(made.atSequence(3));
        assertThat(http.get("/api/notifications", token(lead)).json().path("items")).as("made before: not told").isEmpty();
        reminded(new ReminderEvent(UUID.randomUUID().toString(), ReminderEvent.VERSION, Instant.now(), id, "출장 보고",
                drafter, 1, 2, List.of(lead), null, Instant.now().minusSeconds(36_000), 8).atSequence(4));
        assertThat(http.get("/api/notifications", token(lead)).json().path("items").findValuesAsText("type"))
                .containsExactly("APPROVAL_REMINDER");
    }

    /**
     * Anyone may name anyone on a line or in cc: one person's flood of notifications (submitting and withdrawing
     * documents) pushes out their own, not what everyone else told. A store keeping 5, of them 2 per sender.
     */
    @Test
    void aFloodFromOneSenderPushesOutOnlyTheirOwnNotifications() {
        NotificationStore store = new NotificationStore(redis, views, "erp.test.unheard", 5, 2, Duration.ofDays(1),
                Duration.ofDays(1));
        Person other = new Person(lead.id() + 1, "박지훈", "DEPT_HEAD", "개발본부");
        assertThat(store.store(List.of(told(other, "other 1")))).isEqualTo(1);
        for (int i = 1; i <= 4; i++) {
            assertThat(store.store(List.of(told(drafter, "flood " + i)))).isEqualTo(1);
        }
        JsonNode inbox = http.get("/api/notifications", token(lead)).json();
        assertThat(inbox.path("items").findValuesAsText("title")).containsExactly("flood 4", "flood 3", "other 1");
        assertThat(inbox.path("unread").asLong()).as("the two pushed out are not unread any more").isEqualTo(3);

        // read, then flooded again: a read one of theirs goes, the unread count only counts the new one
        http.post("/api/notifications/read", token(lead), null);
        store.store(List.of(told(drafter, "flood 5")));
        inbox = http.get("/api/notifications", token(lead)).json();
        assertThat(inbox.path("items").findValuesAsText("title")).containsExactly("flood 5", "flood 4", "other 1");
        assertThat(inbox.path("unread").asLong()).isEqualTo(1);

        // what nobody sent (an overdue reminder) has no share; the inbox keeps 5 all the same
        for (int i = 1; i <= 3; i++) {
            store.store(List.of(told(null, "overdue " + i)));
        }
        assertThat(titles()).containsExactly("overdue 3", "overdue 2", "overdue 1", "flood 5", "flood 4");

        // full, and one more of theirs: their oldest goes, not the inbox's oldest (nobody else's is lost for it)
        store.store(List.of(told(drafter, "flood 6")));
        assertThat(titles()).containsExactly("flood 6", "overdue 3", "overdue 2", "overdue 1", "flood 5");
        assertThat(http.get("/api/notifications", token(lead)).json().path("unread").asLong()).isEqualTo(5);
        // one of theirs let go as the oldest is one fewer of theirs: their next is kept with the one they have left
        store.store(List.of(told(other, "other 2")));
        store.store(List.of(told(drafter, "flood 7")));
        assertThat(titles()).containsExactly("flood 7", "other 2", "flood 6", "overdue 3", "overdue 2");
        // all five unread, and one more of theirs: still five unread (theirs that went was one, the new one another)
        assertThat(http.get("/api/notifications", token(lead)).json().path("unread").asLong()).isEqualTo(5);
        store.store(List.of(told(drafter, "flood 8")));
        assertThat(titles()).containsExactly("flood 8", "flood 7", "other 2", "overdue 3", "overdue 2");
        assertThat(http.get("/api/notifications", token(lead)).json().path("unread").asLong()).isEqualTo(5);
        String senders = RedisKeys.notificationSenders(lead.id());
        assertThat(redis.opsForHash().entries(senders)).as("'#' marks the inbox counted").isEqualTo(java.util.Map.of(
                String.valueOf(drafter.id()), "2", String.valueOf(other.id()), "1", "#", "1"));
        assertThat(redis.getExpire(senders, TimeUnit.HOURS)).as("the counts lapse with the inbox").isBetween(23L, 24L);
    }

    /**
     * An inbox from before the counts (or a share lowered since): counted once, first, and the sender's oldest beyond
     * their share go at their next notification, however many they are.
     */
    @Test
    void anInboxFromBeforeTheCountsIsCountedFirst() {
        String inbox = RedisKeys.notifications(lead.id());
        Person other = new Person(lead.id() + 1, "박지훈", "DEPT_HEAD", "개발본부");
        redis.opsForList().leftPush(inbox, views.toJson(told(other, "other 0").notification()));
        for (int i = 1; i <= 3; i++) {
            redis.opsForList().leftPush(inbox, views.toJson(told(drafter, "old " + i).notification()));
        }
        NotificationStore store = new NotificationStore(redis, views, "erp.test.unheard", 5, 2, Duration.ofDays(1),
                Duration.ofDays(1));
        store.store(List.of(told(drafter, "new")));
        assertThat(titles()).containsExactly("new", "old 3", "other 0");
        assertThat(redis.opsForHash().get(RedisKeys.notificationSenders(lead.id()), String.valueOf(drafter.id())))
                .isEqualTo("2");
    }

    private List<String> titles() {
        return http.get("/api/notifications", token(lead)).json().path("items").findValuesAsText("title");
    }

    private Delivery told(Person sender, String title) {
        return new Delivery(lead.id(), new Notification(UUID.randomUUID().toString(), "CC_RECEIVED",
                UUID.randomUUID().toString(), title, title, sender, Instant.now(), null));
    }

    /** An inbox kept from before inboxes lapsed (no expiry) gets one, and one with its own keeps it. */
    @Test
    void anInboxKeptForGoodLapsesFromNowOn() {
        String keptForGood = com.erp.routes.common.redis.RedisKeys.notifications(drafter.id());
        String lapsing = com.erp.routes.common.redis.RedisKeys.unread(lead.id());
        redis.opsForList().leftPush(keptForGood, "{}");
        redis.opsForValue().set(lapsing, "1", Duration.ofHours(1));
        camel.createProducerTemplate().sendBody(com.erp.routes.notification.InboxExpiryRoute.EXPIRE, null);
        assertThat(redis.getExpire(keptForGood, TimeUnit.DAYS)).isBetween(179L, 180L);
        assertThat(redis.getExpire(lapsing, TimeUnit.MINUTES)).isBetween(58L, 60L);
    }

    private void reminded(ReminderEvent reminder) throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("notification.notify-reminder").whenCompleted(1).create();
        kafka.send("approval.reminded", reminder.approvalId(), json.writeValueAsString(reminder));
        assertThat(done.matches(30, TimeUnit.SECONDS)).as("reminder consumed").isTrue();
    }

    @Test
    void aReminderReachesTheApproverLiveOnceAndIsStored() throws Exception {
        String id = UUID.randomUUID().toString();
        try (WebSocketTestClient leadSocket = WebSocketTestClient.withHeader(port, "/ws/notifications", token(lead))) {
            NotifyBuilder done = new NotifyBuilder(camel).fromRoute("notification.notify-reminder").whenCompleted(2).create();
            ReminderEvent reminder = new ReminderEvent(UUID.randomUUID().toString(), ReminderEvent.VERSION, Instant.now(),
                    id, "출장 보고", drafter, 1, 2, List.of(lead), null, Instant.now().minusSeconds(36_000), 8);
            // two instances sent the same reminder: told once
            kafka.send("approval.reminded", id, json.writeValueAsString(reminder));
            kafka.send("approval.reminded", id, json.writeValueAsString(reminder));
            assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

            JsonNode toLead = leadSocket.await(1, WAIT).get(0);
            assertThat(toLead.path("type").asText()).isEqualTo("APPROVAL_REMINDER");
            assertThat(toLead.path("approvalId").asText()).isEqualTo(id);
            assertThat(toLead.path("message").asText()).contains("8 working hours");
            assertThat(leadSocket.next(Duration.ofMillis(500))).as("no duplicate").isNull();
        }
        HttpTestClient.Response stored = http.get("/api/notifications", token(lead));
        assertMatchesContract(CONTRACT, "GET", "/api/notifications", stored);
        assertThat(stored.json().path("items").findValuesAsText("type")).containsExactly("APPROVAL_REMINDER");
        assertThat(http.get("/api/notifications", token(drafter)).json().path("items")).isEmpty();
    }

    @Test
    void everyApproverOfAStepIsToldAndAnInboxKeepsOnlyTheNewest() throws Exception {
        Person deputy = new Person(lead.id() + 1, "박지훈", "TEAM_LEAD", "개발본부");
        try (WebSocketTestClient leadSocket = WebSocketTestClient.withHeader(port, "/ws/notifications", token(lead));
             WebSocketTestClient deputySocket = WebSocketTestClient.withHeader(port, "/ws/notifications", token(deputy))) {
            NotifyBuilder done = new NotifyBuilder(camel).fromRoute("notification.notify").whenCompleted(5).create();
            // one document's events (one key, one partition): their order is kept
            String id = UUID.randomUUID().toString();
            for (int i = 1; i <= 5; i++) {
                publish("approval.step-activated", ApprovalEvent.of(id, i, Instant.now(),
                        new EventPayload.StepActivated(drafter.id(), "보고 " + i, drafter, 1, 1,
                                i == 5 ? List.of(lead, deputy) : List.of(lead), progress)));
            }
            assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
            assertThat(leadSocket.await(5, WAIT)).extracting(n -> n.path("title").asText())
                    .containsExactly("보고 1", "보고 2", "보고 3", "보고 4", "보고 5");
            assertThat(deputySocket.await(1, WAIT).get(0).path("title").asText()).isEqualTo("보고 5");
        }
        // keep = 3: the oldest two are gone from the inbox, and the unread count counts no more than it keeps
        JsonNode inbox = http.get("/api/notifications", token(lead)).json();
        assertThat(inbox.path("items").findValuesAsText("title")).containsExactly("보고 5", "보고 4", "보고 3");
        assertThat(inbox.path("unread").asLong()).isEqualTo(3);
        // an inbox nothing reaches any more goes in time (erp.notification.inbox-kept), its counter with it, also
        // once read
        http.post("/api/notifications/read", token(lead), java.util.Map.of());
        for (String key : List.of(com.erp.routes.common.redis.RedisKeys.notifications(lead.id()),
                com.erp.routes.common.redis.RedisKeys.unread(lead.id()))) {
            assertThat(redis.getExpire(key)).as(key).isBetween(1L, Duration.ofDays(180).toSeconds());
        }
        // someone with no inbox (never, or let go) who marks it read gets no counter that would never go
        Person none = new Person(lead.id() + 77, "알림 없음", "STAFF", "개발본부");
        http.post("/api/notifications/read", token(none), java.util.Map.of());
        assertThat(redis.hasKey(com.erp.routes.common.redis.RedisKeys.unread(none.id()))).isFalse();
        assertThat(http.get("/api/notifications", token(deputy)).json().path("items").findValuesAsText("title"))
                .containsExactly("보고 5");
    }

    @Test
    void aWebSocketHandshakeNeedsAValidToken() {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/notifications");
        assertThat(handshakeStatus(client.newWebSocketBuilder(), uri)).isEqualTo(401);
        assertThat(handshakeStatus(client.newWebSocketBuilder().header("Authorization", "Bearer nonsense"), uri))
                .isEqualTo(401);
        assertProblem(http.get("/api/notifications", null), 401);
        // a valid token: in the header or the sign-in cookie (the application's pages), not in the URL, which ends up
        // in access logs (erp.websocket.query-token)
        String token = token(new Person(4243, "토큰 위치", "STAFF", "개발본부"));
        assertThat(handshakeStatus(client.newWebSocketBuilder(), URI.create(uri + "?access_token=" + token)))
                .isEqualTo(401);
        assertThat(handshakeStatus(client.newWebSocketBuilder().header("Cookie", "ERP_TOKEN=" + token), uri))
                .isEqualTo(101);
        assertThat(handshakeStatus(client.newWebSocketBuilder().header("Authorization", "Bearer " + token), uri))
                .isEqualTo(101);
    }

    @Test
    void aWebSocketHandshakeFromAnotherOriginsPageIsRefused() {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/notifications");
        String token = token(new Person(4242, "출처 확인", "STAFF", "개발본부"));
        // a page of another site (or a sibling host): refused even with a valid token (as with the cookie it would send)
        assertThat(handshakeStatus(client.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .header("Origin", "http://evil.example"), uri)).isEqualTo(403);
        assertThat(handshakeStatus(client.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .header("Origin", "http://127.0.0.1:" + (port + 1)), uri)).isEqualTo(403);
        assertThat(handshakeStatus(client.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .header("Origin", "null"), uri)).isEqualTo(403);
        // this application's own page, and a client that is no browser (no Origin)
        assertThat(handshakeStatus(client.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .header("Origin", "http://127.0.0.1:" + port), uri)).isEqualTo(101);
        assertThat(handshakeStatus(client.newWebSocketBuilder().header("Authorization", "Bearer " + token), uri))
                .isEqualTo(101);
    }

    private static int handshakeStatus(java.net.http.WebSocket.Builder builder, URI uri) {
        try {
            builder.buildAsync(uri, new java.net.http.WebSocket.Listener() { }).join().abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
            return ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    @Test
    void aRevokedTokensWebSocketIsClosedAndANewHandshakeWithItRefused() throws Exception {
        String token = token(lead);
        try (WebSocketTestClient leaving = WebSocketTestClient.withHeader(port, "/ws/notifications", token);
             WebSocketTestClient staying = WebSocketTestClient.withHeader(port, "/ws/notifications", token(drafter))) {
            assertThat(leaving.isOpen()).isTrue();
            java.time.Instant now = java.time.Instant.now();
            kafka.send("employee.tokens-revoked", String.valueOf(lead.id()), json.writeValueAsString(
                    new com.erp.routes.common.events.TokenRevocation("e-" + System.nanoTime(),
                            com.erp.routes.common.events.TokenRevocation.VERSION, now, lead, 1,
                            com.erp.routes.common.events.TokenRevocation.Reason.DEPARTED)));
            for (int i = 0; i < 200 && leaving.isOpen(); i++) {
                Thread.sleep(100);
            }
            assertThat(leaving.isOpen()).as("the revoked token's socket").isFalse();
            assertThat(staying.isOpen()).as("someone else's").isTrue();

            // a reminder of a step waiting on them now tells the drafter, live, what to do
            String id = UUID.randomUUID().toString();
            kafka.send("approval.reminded", id, json.writeValueAsString(new ReminderEvent(UUID.randomUUID().toString(),
                    ReminderEvent.VERSION, Instant.now(), id, "퇴사자 결재 대기", drafter, 1, 2, List.of(lead), null,
                    Instant.now().minusSeconds(36_000), 8)));
            JsonNode toDrafter = staying.await(1, WAIT).get(0);
            assertThat(toDrafter.path("type").asText()).isEqualTo("APPROVER_LEFT");
            assertThat(toDrafter.path("message").asText()).contains(lead.name()).contains("회수");
        }
        HttpTestClient.Response stored = http.get("/api/notifications", token(drafter));
        assertMatchesContract(CONTRACT, "GET", "/api/notifications", stored);
        assertThat(stored.json().path("items").findValuesAsText("type")).containsExactly("APPROVER_LEFT");
        assertThat(handshakeStatus(HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token),
                URI.create("ws://127.0.0.1:" + port + "/ws/notifications"))).isEqualTo(401);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopic() {
        kafka.send("approval.completed", "poison-n", "{]");
        assertThat(kafka.await("approval.completed.dlq", r -> "poison-n".equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
    }
}
