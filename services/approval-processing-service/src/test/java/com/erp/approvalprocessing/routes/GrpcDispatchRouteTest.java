package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.grpc.DispatchMessages;
import com.erp.routes.grpc.ApprovalDispatchGrpc;
import com.erp.routes.grpc.DispatchReply;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The synchronous dispatch path, called by a real gRPC client. */
class GrpcDispatchRouteTest extends ProcessingRouteTestBase {

    @Value("${erp.approval-processing.grpc.port}")
    int grpcPort;

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
        DispatchReply reply = stub.dispatch(DispatchMessages.request(submittedEvent(id)));

        assertThat(reply.getApprovalId()).isEqualTo(id);
        assertThat(reply.getCreated()).isTrue();
        assertThat(reply.getStatus()).isEqualTo("IN_PROGRESS");
        assertThat(reply.getCurrentStep()).isEqualTo(1);
        assertThat(reply.getStepCount()).isEqualTo(2);
        assertThat(reply.getNextApprover().getName()).isEqualTo(LEAD.name());
        // the same state and events as the Kafka path: stored atomically, published
        assertThat(version(id)).isEqualTo("1");
        assertThat(redis.opsForHash().hasKey("erp:inbox:" + LEAD.id(), id)).isTrue();
        assertThat(kafka.awaitKey("approval.step-activated", id, 1)).hasSize(1);

        // again, by gRPC or by the Kafka event that follows it: nothing changes
        DispatchReply again = stub.dispatch(DispatchMessages.request(submittedEvent(id)));
        assertThat(again.getCreated()).isFalse();
        assertThat(again.getVersion()).isEqualTo(1);
        NotifyBuilder consumed = new NotifyBuilder(camel).fromRoute("approval-processing.activate-step").whenCompleted(1).create();
        kafka.send("approval.submitted", id, json.writeValueAsString(submittedEvent(id)));
        assertThat(consumed.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version(id)).isEqualTo("1");
        assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 2, Duration.ofSeconds(3))).hasSize(1);
    }
}
