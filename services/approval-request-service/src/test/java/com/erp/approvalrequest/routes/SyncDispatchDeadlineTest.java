package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.erp.routes.grpc.ApprovalDispatchGrpc;
import com.erp.routes.grpc.DispatchReply;
import com.erp.routes.grpc.DispatchRequest;
import com.erp.routes.testing.HttpTestClient.Response;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The synchronous path when processing takes the request and never answers, or refuses it: the call ends at its deadline on both
 * sides (processing sees it cancelled), and the document goes the async way (202), stored and published. The call
 * does not go on behind the answer: a reply that came late would otherwise land in a request that had moved on.
 * <p>
 * Its own application context (another processing address), closed after it: left open, its Kafka consumers would
 * share the other tests' consumer group and take events those tests wait for.
 */
@DirtiesContext
class SyncDispatchDeadlineTest extends ApprovalRequestRouteTestBase {

    static final CountDownLatch RECEIVED = new CountDownLatch(1);
    static final CountDownLatch CANCELLED = new CountDownLatch(1);
    static final java.util.concurrent.atomic.AtomicReference<DispatchRequest> ASKED =
            new java.util.concurrent.atomic.AtomicReference<>();
    static final java.util.concurrent.BlockingQueue<DispatchRequest> CALLS = new java.util.concurrent.LinkedBlockingQueue<>();
    static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String AGAINST_ITS_RULES = "규칙 위반";
    static final String ITS_REASON = "step 1: an approver this version of the rules does not allow";
    /** A processing that takes the call and never answers it; one whose title says so it refuses (its rules). */
    static final Server SILENT_PROCESSING = start();

    private static Server start() {
        try {
            return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(new ApprovalDispatchGrpc.ApprovalDispatchImplBase() {
                        @Override
                        public void dispatch(DispatchRequest request, StreamObserver<DispatchReply> reply) {
                            if (request.getTitle().startsWith(AGAINST_ITS_RULES)) {
                                reply.onError(io.grpc.Status.INVALID_ARGUMENT.withDescription(ITS_REASON)
                                        .asRuntimeException());
                                return;
                            }
                            ((ServerCallStreamObserver<DispatchReply>) reply).setOnCancelHandler(CANCELLED::countDown);
                            ASKED.set(request);
                            CALLS.offer(request);
                            RECEIVED.countDown();
                        }
                    }).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void silentProcessing(DynamicPropertyRegistry registry) {
        registry.add("erp.approval-request.sync.processing-address", () -> "127.0.0.1:" + SILENT_PROCESSING.getPort());
        registry.add("erp.approval-request.sync.deadline-ms", () -> "1000");
        // as the load suite runs it: an ordinary employee's X-Dispatch-Mode counts
        registry.add("erp.approval-request.sync.request-header", () -> "everyone");
    }

    @AfterAll
    static void stop() {
        SILENT_PROCESSING.shutdownNow();
    }

    @Test
    void aCallProcessingNeverAnswersEndsAtItsDeadlineAndTheDocumentGoesTheAsyncWay() throws Exception {
        Response r = http.send(http.request("/api/approvals", token(DRAFTER)).header("Content-Type", "application/json")
                .header("X-Dispatch-Mode", "sync")
                .header("traceparent", "00-" + TRACE + "-b7ad6b7169203331-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(com.erp.routes.testing.HttpTestClient.toJson(Map.of(
                        "type", "GENERAL", "title", "응답 없는 처리", "approverIds", List.of(LEAD.id(), HEAD.id()))))).build());

        assertThat(RECEIVED.await(1, TimeUnit.SECONDS)).as("processing was asked").isTrue();
        // asked within the client's trace (camel-grpc passes no metadata: the message carries it)
        assertThat(ASKED.get().getTraceparent()).matches("00-" + TRACE + "-[0-9a-f]{16}-01")
                .doesNotContain("b7ad6b7169203331");
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        String id = r.json().path("id").asText();
        assertThat(r.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(CANCELLED.await(5, TimeUnit.SECONDS)).as("the call itself ended at its deadline").isTrue();
        assertThat(approvals().find(new Document("_id", id)).first()).as("kept: processing may have it").isNotNull();
        assertThat(kafka.awaitKey("approval.submitted", id, 1)).hasSize(1);
    }

    /**
     * A client that gave up waiting sends the submission again with its Idempotency-Key while the first is still on
     * its synchronous way, which may yet take it back: not told 202 for a document that may be gone, but 409 with
     * Retry-After; sent again once the first is settled (here kept, the async way), it gets the first document.
     */
    @Test
    void aSubmissionSentAgainWhileTheFirstIsOnItsSynchronousWayIsToldToComeBack() throws Exception {
        CALLS.clear();
        String key = java.util.UUID.randomUUID().toString();
        java.util.function.Supplier<Response> submit = () -> http.send(http.request("/api/approvals", token(DRAFTER))
                .header("Content-Type", "application/json").header("X-Dispatch-Mode", "sync").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(com.erp.routes.testing.HttpTestClient.toJson(Map.of(
                        "type", "GENERAL", "title", "다시 보낸 제출", "approverIds", List.of(LEAD.id(), HEAD.id()))))).build());
        java.util.concurrent.CompletableFuture<Response> first = java.util.concurrent.CompletableFuture.supplyAsync(submit);
        assertThat(CALLS.poll(5, TimeUnit.SECONDS)).as("the first is on its synchronous way").isNotNull();

        Response again = submit.get();
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.header("Retry-After")).isNotBlank();
        assertThat(again.json().path("detail").asText()).contains("still being dispatched");
        assertThat(CALLS).as("nothing dispatched a second time").isEmpty();

        Response kept = first.get(10, TimeUnit.SECONDS);
        assertThat(kept.status()).as("%s", kept).isEqualTo(202);
        String id = kept.json().path("id").asText();
        assertThat(kafka.awaitKey("approval.submitted", id, 1)).hasSize(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!approvals().find(new Document("_id", id)).first().getList("outbox", Document.class, List.of()).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Response later = submit.get();
        assertThat(later.status()).as("%s", later).isEqualTo(202);
        assertThat(later.json().path("id").asText()).isEqualTo(id);
        assertThat(approvals().countDocuments(new Document("title", "다시 보낸 제출"))).isEqualTo(1);
    }

    /**
     * Processing refuses the submission (INVALID_ARGUMENT: its version of the line's rules, as during a rollout): it
     * activated nothing, so the document is taken back and the drafter is told why, 422; nothing is kept or published,
     * and the same submission sent again with its Idempotency-Key is a new attempt, refused the same way. Refusals do
     * not open the circuit breaker.
     */
    @Test
    void aSubmissionProcessingRefusesIsTakenBackAndAnswered422WithItsReason() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String title = AGAINST_ITS_RULES + " " + key;
        java.util.function.Supplier<Response> submit = () -> http.send(http.request("/api/approvals", token(DRAFTER))
                .header("Content-Type", "application/json").header("X-Dispatch-Mode", "sync").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(com.erp.routes.testing.HttpTestClient.toJson(Map.of(
                        "type", "GENERAL", "title", title, "approverIds", List.of(LEAD.id(), HEAD.id()))))).build());

        // more refusals than the circuit breaker's minimum of calls (10): answers, not failures, so it stays closed
        // and each is told why (an open breaker would answer 503 to everyone's submissions)
        for (int attempt = 1; attempt <= 12; attempt++) {
            Response refused = submit.get();
            assertThat(refused.status()).as("attempt %d: %s", attempt, refused).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("Location")).isNull();
            assertThat(refused.json().path("detail").asText()).contains(ITS_REASON).contains("not submitted");
            assertThat(approvals().countDocuments(new Document("title", title))).as("not kept").isZero();
        }
        // the refused documents' events never went out, though a document submitted after them did
        Response after = http.send(http.request("/api/approvals", token(DRAFTER)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(com.erp.routes.testing.HttpTestClient.toJson(Map.of(
                        "type", "GENERAL", "title", "거부 다음 " + key, "approverIds", List.of(LEAD.id(), HEAD.id()))))).build());
        assertThat(after.status()).as("%s", after).isEqualTo(202);
        assertThat(kafka.awaitKey("approval.submitted", after.json().path("id").asText(), 1)).hasSize(1);
        assertThat(kafka.await("approval.submitted", r -> r.value().contains(AGAINST_ITS_RULES + " " + key), 1,
                java.time.Duration.ofSeconds(3))).as("published").isEmpty();
    }
}
