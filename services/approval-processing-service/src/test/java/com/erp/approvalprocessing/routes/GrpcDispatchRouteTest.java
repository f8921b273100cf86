package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.grpc.DispatchMessages;
import com.erp.routes.common.grpc.DispatchSeal;
import com.fasterxml.jackson.databind.JsonNode;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.grpc.ApprovalDispatchGrpc;
import com.erp.routes.grpc.DispatchReply;
import com.erp.routes.grpc.DispatchRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The synchronous dispatch path, called by a real gRPC client. */
class GrpcDispatchRouteTest extends ProcessingRouteTestBase {

    @Value("${erp.approval-processing.grpc.port}")
    int grpcPort;

    @Autowired
    DispatchSeal seal;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private ManagedChannel channel;
    private ApprovalDispatchGrpc.ApprovalDispatchBlockingStub stub;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        stub = ApprovalDispatchGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void aDispatchActivatesTheFirstStepAndAnswersTheStateOnceAndForAll() throws Exception {
        String id = UUID.randomUUID().toString();
        DispatchReply reply = stub.dispatch(sealed(submittedEvent(id), token(DRAFTER)));

        assertThat(reply.getApprovalId()).isEqualTo(id);
        assertThat(reply.getCreated()).isTrue();
        assertThat(reply.getStatus()).isEqualTo("IN_PROGRESS");
        assertThat(reply.getCurrentStep()).isEqualTo(1);
        assertThat(reply.getStepCount()).isEqualTo(2);
        assertThat(reply.getNextApprover().getName()).isEqualTo(LEAD.name());
        // the same state and events as the Kafka path: stored atomically, published
        assertThat(version(id)).isEqualTo("1");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isTrue();
        assertThat(kafka.awaitKey("approval.step-activated", id, 1)).hasSize(1);

        // again, by gRPC or by the Kafka event that follows it: nothing changes
        DispatchReply again = stub.dispatch(sealed(submittedEvent(id), token(DRAFTER)));
        assertThat(again.getCreated()).isFalse();
        assertThat(again.getVersion()).isEqualTo(1);
        NotifyBuilder consumed = new NotifyBuilder(camel).fromRoute("approval-processing.activate-step").whenCompleted(1).create();
        kafka.send("approval.submitted", id, json.writeValueAsString(submittedEvent(id)));
        assertThat(consumed.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version(id)).isEqualTo("1");
        assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 2, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void thePeopleInCcTravelWithTheDispatchToTheFirstActivation() throws Exception {
        String id = UUID.randomUUID().toString();
        ApprovalEvent plain = submittedEvent(id);
        EventPayload.Submitted s = (EventPayload.Submitted) plain.payload();
        ApprovalEvent withCc = new ApprovalEvent(plain.eventId(), plain.type(), plain.version(), plain.occurredAt(), id, 0,
                new EventPayload.Submitted(s.drafterId(), s.title(), s.drafter(), s.documentType(), s.line(),
                        s.submittedAt(), List.of(OTHER)));
        // (times travel in microseconds)
        assertThat(((EventPayload.Submitted) DispatchMessages.event(DispatchMessages.request(withCc, "t")).payload()).cc())
                .containsExactly(OTHER);
        assertThat(((EventPayload.Submitted) DispatchMessages.event(DispatchMessages.request(plain, "t")).payload()).cc())
                .isNull();

        assertThat(stub.dispatch(sealed(withCc, token(DRAFTER))).getCreated()).isTrue();
        JsonNode activated = json.readTree(kafka.awaitKey("approval.step-activated", id, 1).get(0).value());
        assertThat(activated.path("payload").path("cc").findValuesAsText("name")).containsExactly(OTHER.name());
    }

    @Test
    void onlyTheDraftersOwnValidTokenDispatchesAndOnlyAValidLine() {
        String id = UUID.randomUUID().toString();
        assertThat(refusal(DispatchMessages.request(submittedEvent(id), null))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refusal(DispatchMessages.request(submittedEvent(id), token(DRAFTER) + "x")))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        // a valid token, but somebody else's: nobody dispatches another's document
        assertThat(refusal(DispatchMessages.request(submittedEvent(id), token(LEAD))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // the drafter's token and a line approval-request would have refused: the drafter approving their own
        ApprovalEvent selfApproved = ApprovalEvent.of(id, 0, Instant.now(), new EventPayload.Submitted(DRAFTER.id(),
                "t", DRAFTER, "GENERAL", List.of(new LineStep(1, DRAFTER)), Instant.now()));
        assertThat(refusal(DispatchMessages.request(selfApproved, token(DRAFTER)))).isEqualTo(Status.Code.INVALID_ARGUMENT);

        // none of them left a trace
        assertThat(version(id)).isNull();
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isFalse();
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + DRAFTER.id(), id)).isFalse();
    }

    @Test
    void onlyApprovalRequestsSealedDescriptionDispatchesEvenWithTheDraftersOwnToken() {
        String id = UUID.randomUUID().toString();
        DispatchRequest honest = DispatchMessages.request(submittedEvent(id), token(DRAFTER));
        // no seal: a drafter who reaches the port describes a document of their own making
        assertThat(refusalAsIs(honest)).isEqualTo(Status.Code.PERMISSION_DENIED);
        // sealed, then changed: a leave document passed off as a general one, or another line
        DispatchRequest sealed = seal.seal(DispatchMessages.request(leaveEvent(id), token(DRAFTER)));
        assertThat(refusalAsIs(sealed.toBuilder().setDocumentType("GENERAL").build())).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refusalAsIs(sealed.toBuilder().setLine(0, sealed.getLine(0).toBuilder()
                .setApprover(DispatchMessages.person(OTHER))).build())).isEqualTo(Status.Code.PERMISSION_DENIED);
        // sealed with another key: a process that does not share erp.dispatch.key
        assertThat(refusalAsIs(DispatchSeal.of(null).seal(honest))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(version(id)).isNull();
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isFalse();

        // the same request as approval-request seals it is answered
        assertThat(stub.dispatch(seal.seal(honest)).getCreated()).isTrue();
    }

    @Test
    void theServiceAloneIsKnownToServeTheDispatchSoItNeedsTheSharedKey() {
        // the name ErpDispatchAutoConfiguration looks for: with a key-less service it refuses to start
        assertThat(context.containsBeanDefinition("grpcDispatchRoute")).isTrue();
        assertThat(context.containsBeanDefinition("dispatchSyncRoute")).isFalse();
    }

    private ApprovalEvent leaveEvent(String id) {
        EventPayload.Submitted s = (EventPayload.Submitted) submittedEvent(id).payload();
        return ApprovalEvent.of(id, 0, Instant.now(), new EventPayload.Submitted(s.drafterId(), s.title(), s.drafter(),
                "LEAVE", s.line(), s.submittedAt()));
    }

    @Test
    void theActivationContinuesTheTraceTheDispatchCarries() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = UUID.randomUUID().toString();
        stub.dispatch(seal.seal(DispatchMessages.request(submittedEvent(id), token(DRAFTER),
                "00-" + trace + "-00f067aa0ba902b7-01")));
        String carried = com.erp.routes.testing.KafkaProbe.header(kafka.awaitKey("approval.step-activated", id, 1).get(0),
                "traceparent");
        assertThat(carried).matches("00-" + trace + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");

        // without one, a trace of its own
        String other = UUID.randomUUID().toString();
        stub.dispatch(sealed(submittedEvent(other), token(DRAFTER)));
        assertThat(com.erp.routes.testing.KafkaProbe.header(kafka.awaitKey("approval.step-activated", other, 1).get(0),
                "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(trace);
    }

    private DispatchRequest sealed(ApprovalEvent submitted, String token) {
        return seal.seal(DispatchMessages.request(submitted, token));
    }

    /** The refusal of a request as approval-request would seal it: what the token and the line rules say. */
    private Status.Code refusal(DispatchRequest request) {
        return refusalAsIs(seal.seal(request));
    }

    private Status.Code refusalAsIs(DispatchRequest request) {
        try {
            stub.dispatch(request);
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
        throw new AssertionError("the dispatch was answered");
    }
}
