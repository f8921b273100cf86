package com.erp.approvalrequest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/** The cleanup's look at a file's marks: what it takes off, and that a mark set meanwhile is left for its own look. */
class AttachmentMarksTest {

    private final Attachments attachments = new Attachments(Clock.systemUTC(), 10, 100, Duration.ofDays(1),
            Duration.ofMinutes(10));

    private static BsonDocument bson(Bson b) {
        return b.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }

    @Test
    void marksNamingNothingStoredAreTakenOffOnlyWhereNoNewMarkCameMeanwhile() {
        Date marked = new Date(1_000_000);
        Document file = new Document("_id", "f1").append("drafts", List.of("d-live", "d-gone"))
                .append("documents", List.of("a-live", "a-gone")).append("markedAt", marked);
        List<WriteModel<Document>> writes = attachments.marksChecked(List.of(file),
                List.of(new Document("_id", "d-live")), List.of(new Document("_id", "a-live")));

        assertThat(writes).hasSize(2);
        UpdateOneModel<Document> one = (UpdateOneModel<Document>) writes.get(0);
        BsonDocument filter = bson(one.getFilter());
        assertThat(filter.toJson()).contains("\"_id\": \"f1\"").contains("markedAt");
        assertThat(filter.toJson(org.bson.json.JsonWriterSettings.builder().outputMode(org.bson.json.JsonMode.EXTENDED)
                .build())).as("only the mark looked at").contains("\"" + marked.getTime() + "\"");
        BsonDocument update = bson(one.getUpdate());
        assertThat(update.getDocument("$pullAll").getArray("drafts").getValues())
                .extracting(v -> v.asString().getValue()).containsExactly("d-gone");
        assertThat(update.getDocument("$pullAll").getArray("documents").getValues())
                .extracting(v -> v.asString().getValue()).containsExactly("a-gone");
        assertThat(update.getDocument("$unset").containsKey("markedAt")).isTrue();
        // a file no document carries any more is no longer marked as submitted
        UpdateManyModel<Document> unsubmitted = (UpdateManyModel<Document>) writes.get(1);
        assertThat(bson(unsubmitted.getFilter()).toJson()).contains("$size").contains("attachedTo");
        assertThat(bson(unsubmitted.getUpdate()).getDocument("$unset").containsKey("attachedTo")).isTrue();
    }

    @Test
    void aFileWhoseMarksAllNameWhatIsStoredOnlyLosesItsTimeToLook() {
        Document file = new Document("_id", "f2").append("drafts", List.of("d1")).append("markedAt", new Date(5));
        UpdateOneModel<Document> one = (UpdateOneModel<Document>) attachments.marksChecked(List.of(file),
                List.of(new Document("_id", "d1")), List.of()).get(0);
        BsonDocument update = bson(one.getUpdate());
        assertThat(update.containsKey("$pullAll")).isFalse();
        assertThat(update.getDocument("$unset").containsKey("markedAt")).isTrue();
    }

    @Test
    void anExpiredDraftsFilesAreDueOnlyWhereNoOtherMarkWaitsItsLook() {
        List<Bson> due = attachments.dueForCheck(List.of("d-old"));
        assertThat(bson(due.get(0)).toJson()).contains("d-old").contains("\"markedAt\": {\"$exists\": false}");
        assertThat(bson(due.get(1)).getDocument("$set").get("markedAt").asDateTime().getValue()).isZero();
    }
}
