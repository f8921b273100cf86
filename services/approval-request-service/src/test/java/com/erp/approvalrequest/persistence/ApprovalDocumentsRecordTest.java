package com.erp.approvalrequest.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.erp.approvalrequest.domain.RecordPlan;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/** The record route's reads and writes, as MongoDB sees them. */
class ApprovalDocumentsRecordTest {

    private static final Person LEAD = new Person(2, "lead", "LEAD", "D");
    private static final Progress DONE = new Progress(Progress.Status.APPROVED, null,
            List.of(new Progress.StepProgress(1, Progress.StepStatus.APPROVED, Instant.EPOCH, "ok")));

    private final ApprovalDocuments documents = new ApprovalDocuments(new ObjectMapper(),
            new Topics("s", "a", "d", "c", "r", ".dlq", 1), Clock.systemUTC(), ZoneId.of("Asia/Seoul"), Duration.ofSeconds(15));

    private final ApprovalEvent completed = ApprovalEvent.of("a-1", 4, Instant.parse("2026-11-21T00:00:00Z"),
            new EventPayload.Completed(1, "t", LEAD, DONE));

    private static Document stored(long version, String number, String... eventIds) {
        return new Document("_id", "a-1").append("type", "GENERAL").append("stateVersion", version).append("number", number)
                .append("history", java.util.Arrays.stream(eventIds).map(id -> new Document("eventId", id)).toList());
    }

    private static BsonDocument bson(Bson b) {
        return b.toBsonDocument();
    }

    @Test
    void aNewerSnapshotIsWrittenUnderTheVersionReadWithAFlatFilterOnTheUniqueIndexFields() {
        RecordPlan plan = documents.recordPlan(completed, stored(3, null, "e-0"), 0);
        List<Bson> write = documents.recordUpdate(completed, plan, new Document("_id", "GEN-2026").append("seq", 42L));

        // exactly {_id, stateVersion}, no $and: mongo-java-server scans every document for any other shape
        assertThat(bson(write.get(0))).isEqualTo(new Document("_id", "a-1").append("stateVersion", 3L).toBsonDocument());
        assertThat(bson(write.get(0)).keySet()).containsExactlyElementsOf(ApprovalDocuments.RECORD_INDEX);
        BsonDocument update = bson(write.get(1));
        assertThat(update.getDocument("$addToSet").getDocument("history").getString("eventId").getValue())
                .isEqualTo(completed.eventId());
        assertThat(update.getDocument("$set").getInt64("stateVersion").getValue()).isEqualTo(4L);
        assertThat(update.getDocument("$set").getString("status").getValue()).isEqualTo("APPROVED");
        assertThat(update.getDocument("$set").getString("number").getValue()).isEqualTo("GEN-2026-000042");
    }

    @Test
    void anOlderEventOnlyJoinsTheHistoryByIdAsASetMember() {
        RecordPlan plan = documents.recordPlan(completed, stored(9, "GEN-2026-000001", "e-0"), 0);
        assertThat(documents.takesNumber(plan)).isFalse();
        List<Bson> write = documents.recordUpdate(completed, plan, null);
        assertThat(bson(write.get(0))).isEqualTo(new Document("_id", "a-1").toBsonDocument());
        assertThat(bson(write.get(1)).keySet()).containsExactly("$addToSet");
    }

    @Test
    void aRedeliveryChangesNothingAndAMissingDocumentOrAVersionThatKeepsChangingIsAnError() {
        assertThat(documents.nothingToDo(documents.recordPlan(completed, stored(4, "GEN-2026-000001", completed.eventId()), 0)))
                .isTrue();
        assertThatThrownBy(() -> documents.recordPlan(completed, null, 0)).hasMessageContaining("a-1 is not stored");
        assertThatThrownBy(() -> documents.recordPlan(completed, stored(3, null), ApprovalDocuments.RECORD_ATTEMPTS))
                .hasMessageContaining("changed under each of");
    }
}
