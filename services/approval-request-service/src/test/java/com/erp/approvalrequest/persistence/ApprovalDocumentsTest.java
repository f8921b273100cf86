package com.erp.approvalrequest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepProgress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.common.events.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The writes record sends, read without a server: what changes together must be in one update. */
class ApprovalDocumentsTest {

    private static final Person HEAD = new Person(3, "박지훈", "DEPT_HEAD", "개발본부");
    private final Instant at = Instant.parse("2026-12-02T01:00:00Z");
    private final ApprovalDocuments documents = new ApprovalDocuments(new ObjectMapper().findAndRegisterModules(),
            new Topics("s", "a", "d", "c", "r", "w", "lr", "lf", "q", "dc", "rm", "cm", ".dlq", 1), Clock.systemUTC(), ZoneId.of("Asia/Seoul"), Duration.ofSeconds(5));

    private static BsonDocument set(WriteModel<Document> model) {
        return ((UpdateOneModel<Document>) model).getUpdate()
                .toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry()).getDocument("$set");
    }

    private ApprovalEvent finalDecision() {
        Progress approved = new Progress(Progress.Status.APPROVED, null, List.of(new StepProgress(1, StepStatus.APPROVED, at, null)));
        return ApprovalEvent.of("a1", 3, at, new EventPayload.Decided(1, "t", 1, 1, HEAD, EventPayload.Decision.APPROVED, null, approved));
    }

    @Test
    void theUpdateThatShowsApprovedAlsoShowsTheNumber() {
        ApprovalEvent event = finalDecision();
        assertThat(documents.approves(event)).isTrue();
        BsonDocument progress = set(documents.recordUpdates(event, "GEN-2026-000007").get(1));
        assertThat(progress.getString("status").getValue()).isEqualTo("APPROVED");
        assertThat(progress.getString("number").getValue()).isEqualTo("GEN-2026-000007");
    }

    @Test
    void anEventThatDoesNotApproveLeavesTheNumberAlone() {
        Progress pending = new Progress(Progress.Status.IN_PROGRESS, 1, List.of(new StepProgress(1, StepStatus.PENDING, null, null)));
        ApprovalEvent activated = ApprovalEvent.of("a1", 1, at, new EventPayload.StepActivated(1, "t", HEAD, 1, 1, List.of(HEAD), pending));
        assertThat(documents.approves(activated)).isFalse();
        assertThat(set(documents.recordUpdates(activated, null).get(1)).containsKey("number")).isFalse();
    }

    @Test
    void theShownNumberOrElseTheClaimIsTheDocumentsNumber() {
        assertThat(documents.numberOf(null)).isNull();
        assertThat(documents.numberOf(new Document("_id", "a1"))).isNull();
        assertThat(documents.numberOf(new Document("numberClaim", "GEN-2026-000002"))).isEqualTo("GEN-2026-000002");
        assertThat(documents.numberOf(new Document("number", "GEN-2026-000001").append("numberClaim", "GEN-2026-000001")))
                .isEqualTo("GEN-2026-000001");
    }
}
