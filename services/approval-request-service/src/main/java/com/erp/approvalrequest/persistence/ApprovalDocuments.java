package com.erp.approvalrequest.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import com.erp.approvalrequest.api.ApprovalDocument;
import com.erp.approvalrequest.api.ApprovalList;
import com.erp.approvalrequest.domain.DocumentNumber;
import com.erp.approvalrequest.domain.RecordPlan;
import com.erp.approvalrequest.domain.Submissions.NewApproval;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Topics;
import com.erp.routes.common.kafka.InvalidEventException;
import com.erp.routes.common.kafka.OutboxEntry;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How approval documents look in MongoDB, and every query and update the approval-request routes send
 * there (bean {@code approvalDocuments}). mongo-java-server, like DocumentDB, has no multi-document
 * transactions, so each change is a single-document update: the outbox lives inside the document, history
 * entries are added once per event id, and processing state is set only from a newer snapshot than the one
 * stored ({@code stateVersion}), under the version that was read.
 */
public class ApprovalDocuments {

    private final ObjectMapper json;
    private final Topics topics;
    private final Clock clock;
    private final ZoneId numberingZone;
    private final Duration outboxGrace;

    public ApprovalDocuments(ObjectMapper json, Topics topics, Clock clock, ZoneId numberingZone, Duration outboxGrace) {
        this.json = json;
        this.topics = topics;
        this.clock = clock;
        this.numberingZone = numberingZone;
        this.outboxGrace = outboxGrace;
    }

    // ---- submission and outbox ------------------------------------------------------------------------------

    /** The new document, with its submission event in the outbox: stored and queued in one atomic insert. */
    public Document newDocument(NewApproval approval) {
        List<Document> line = new ArrayList<>();
        for (LineStep step : approval.line()) {
            line.add(new Document("step", step.step()).append("approver", person(step.approver()))
                    .append("status", Progress.StepStatus.WAITING.name()));
        }
        Date at = Date.from(approval.submittedAt());
        ApprovalEvent submitted = approval.submitted();
        return new Document("_id", approval.id())
                .append("type", approval.request().type())
                .append("title", approval.request().title().strip())
                .append("body", approval.request().body() == null ? "" : approval.request().body())
                .append("status", "SUBMITTED")
                .append("drafter", person(approval.drafter()))
                .append("line", line)
                .append("stateVersion", 0L)
                .append("submittedAt", at)
                .append("updatedAt", at)
                .append("history", List.of(history(submitted)))
                .append("outbox", List.of(new Document("eventId", submitted.eventId())
                        .append("topic", topics.topicOf(submitted.eventType()))
                        .append("payload", toJson(submitted))
                        .append("createdAt", at)));
    }

    public List<OutboxEntry> outbox(Document document) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (Document e : document.getList("outbox", Document.class, List.of())) {
            entries.add(new OutboxEntry(document.getString("_id"), e.getString("eventId"), e.getString("topic"),
                    e.getString("payload"), e.getDate("createdAt").toInstant()));
        }
        return entries;
    }

    /** Outbox entries of these documents old enough that the route that wrote them has given up on them. */
    public List<OutboxEntry> dueOutbox(List<Document> documents) {
        Instant due = clock.instant().minus(outboxGrace);
        return documents.stream().flatMap(d -> outbox(d).stream()).filter(e -> e.createdAt().isBefore(due)).toList();
    }

    public Bson pendingOutbox() {
        return exists("outbox.0");
    }

    public List<Bson> markPublished(OutboxEntry entry) {
        return List.of(eq("_id", entry.approvalId()), Updates.pull("outbox", eq("eventId", entry.eventId())));
    }

    // ---- recording processing events ------------------------------------------------------------------------
    //
    // The record route reads what it needs of the document (by _id), decides in plain Java (RecordPlan), then
    // writes with a flat equality filter on the fields of a unique index: {_id} or {_id, stateVersion}.
    // mongo-java-server uses an index only for a query naming exactly an index's fields (Filters.and renders
    // $and, and a condition such as "stateVersion < n" is not equality): any other filter scans every document,
    // which cost 70 ms per write at 150,000 documents. Real MongoDB would use _id either way.

    /** What the record route reads of a document before recording an event in it. */
    public Bson recordFields() {
        return Projections.include("type", "stateVersion", "number", "history.eventId");
    }

    /**
     * What recording this event changes in the stored document ({@code null}: not stored).
     *
     * @param attempt how often the document was read for this event already: its version changed under every
     *                write before, which only another consumer of the same document can cause (a rebalance)
     */
    public RecordPlan recordPlan(ApprovalEvent event, Document stored, int attempt) {
        if (stored == null) {
            // never transient: a document is stored before its first event is published
            throw new InvalidEventException("approval " + event.approvalId() + " is not stored");
        }
        if (attempt >= RECORD_ATTEMPTS) {
            throw new IllegalStateException("approval " + event.approvalId() + " changed under each of "
                    + RECORD_ATTEMPTS + " attempts to record event " + event.eventId());
        }
        List<String> recorded = stored.getList("history", Document.class, List.of()).stream()
                .map(h -> h.getString("eventId")).toList();
        Number version = stored.get("stateVersion", Number.class);
        return RecordPlan.of(event, stored.getString("type"), version == null ? 0 : version.longValue(), recorded,
                stored.getString("number") != null);
    }

    static final int RECORD_ATTEMPTS = 5;

    /** The fields of the unique index the record route's guarded writes go by ({@link MongoCollections}). */
    public static final List<String> RECORD_INDEX = List.of("_id", "stateVersion");

    public boolean nothingToDo(RecordPlan plan) {
        return plan.nothingToDo();
    }

    public boolean takesNumber(RecordPlan plan) {
        return plan.takeNumber();
    }

    /** The counter (one per form and year) a completed document takes its number from. */
    public List<Bson> nextNumber(ApprovalEvent completed, RecordPlan plan) {
        String counter = DocumentNumber.counterId(plan.documentType(), completed.occurredAt(), numberingZone);
        return List.of(eq("_id", counter), Updates.inc("seq", 1L));
    }

    /**
     * The write that records the event: the history entry (added to the set, so a duplicate cannot appear even
     * without a version check), the progress snapshot and the number, under the version read when the snapshot
     * is applied. Matching nothing means the version changed meanwhile: the route reads again.
     *
     * @param counter the counter document after taking a number, or {@code null}
     */
    public List<Bson> recordUpdate(ApprovalEvent event, RecordPlan plan, Document counter) {
        Document filter = new Document(RECORD_INDEX.get(0), plan.approvalId());
        List<Bson> changes = new ArrayList<>();
        if (plan.addHistory()) {
            changes.add(Updates.addToSet("history", history(event)));
        }
        if (plan.applyProgress()) {
            filter.append(RECORD_INDEX.get(1), plan.storedVersion());
            changes.addAll(progressSets(event));
        }
        if (counter != null) {
            changes.add(Updates.set("number", DocumentNumber.format(counter.getString("_id"),
                    counter.get("seq", Number.class).longValue())));
        }
        return List.of(filter, Updates.combine(changes));
    }

    private List<Bson> progressSets(ApprovalEvent event) {
        Progress progress = progressOf(event.payload());
        List<Bson> sets = new ArrayList<>();
        sets.add(Updates.set("status", progress.status().name()));
        sets.add(Updates.set("currentStep", progress.currentStep()));
        sets.add(Updates.set("stateVersion", event.sequence()));
        sets.add(Updates.set("updatedAt", Date.from(event.occurredAt())));
        for (Progress.StepProgress step : progress.steps()) {
            String at = "line." + (step.step() - 1) + ".";
            sets.add(Updates.set(at + "status", step.status().name()));
            sets.add(Updates.set(at + "decidedAt", step.decidedAt() == null ? null : Date.from(step.decidedAt())));
            sets.add(Updates.set(at + "comment", step.comment()));
        }
        if (progress.status() != Progress.Status.IN_PROGRESS) {
            sets.add(Updates.set("completedAt", Date.from(event.occurredAt())));
        }
        return sets;
    }

    private static Progress progressOf(EventPayload payload) {
        if (payload instanceof EventPayload.StepActivated p) {
            return p.progress();
        } else if (payload instanceof EventPayload.Decided p) {
            return p.progress();
        } else if (payload instanceof EventPayload.Completed p) {
            return p.progress();
        } else if (payload instanceof EventPayload.Rejected p) {
            return p.progress();
        }
        throw new IllegalArgumentException(payload.getClass().getSimpleName() + " carries no progress");
    }

    private Document history(ApprovalEvent event) {
        Document entry = new Document("eventId", event.eventId())
                .append("at", Date.from(event.occurredAt()))
                .append("sequence", event.sequence());
        EventPayload payload = event.payload();
        if (payload instanceof EventPayload.Submitted p) {
            entry.append("type", "SUBMITTED").append("actor", person(p.drafter()));
        } else if (payload instanceof EventPayload.StepActivated p) {
            entry.append("type", "STEP_ACTIVATED").append("step", p.step())
                    .append("actor", p.approvers().isEmpty() ? null : person(p.approvers().get(0)));
        } else if (payload instanceof EventPayload.Decided p) {
            entry.append("type", p.decision().name()).append("step", p.step())
                    .append("actor", person(p.actor())).append("comment", p.comment());
        } else if (payload instanceof EventPayload.Completed p) {
            entry.append("type", "DOCUMENT_APPROVED").append("actor", person(p.finalApprover()));
        } else if (payload instanceof EventPayload.Rejected p) {
            entry.append("type", "DOCUMENT_REJECTED").append("step", p.step())
                    .append("actor", person(p.actor())).append("comment", p.reason());
        }
        return entry;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The document as the contract shows it, to someone allowed to see it: its drafter, approvers, or an admin. */
    public ApprovalDocument view(Document doc, Caller caller) {
        if (doc == null) {
            throw ProblemException.notFound("No such document.");
        }
        List<ApprovalDocument.LineStep> line = doc.getList("line", Document.class).stream()
                .map(s -> new ApprovalDocument.LineStep(s.getInteger("step"), toPerson(s.get("approver", Document.class)),
                        s.getString("status"), instant(s.getDate("decidedAt")), s.getString("comment")))
                .toList();
        Person drafter = toPerson(doc.get("drafter", Document.class));
        boolean allowed = caller.isAdmin() || drafter.id() == caller.id()
                || line.stream().anyMatch(s -> s.approver().id() == caller.id());
        if (!allowed) {
            throw ProblemException.forbidden("Only the drafter, the approvers and administrators may read this document.");
        }
        List<ApprovalDocument.HistoryEntry> history = doc.getList("history", Document.class).stream()
                .sorted(Comparator.comparing((Document h) -> h.get("sequence", Number.class).longValue())
                        .thenComparing(h -> h.getDate("at")))
                .map(h -> new ApprovalDocument.HistoryEntry(h.getString("eventId"), h.getString("type"),
                        instant(h.getDate("at")), h.getInteger("step"), toPerson(h.get("actor", Document.class)),
                        h.getString("comment")))
                .toList();
        return new ApprovalDocument(doc.getString("_id"), doc.getString("number"), doc.getString("type"),
                doc.getString("title"), doc.getString("body"), doc.getString("status"), drafter,
                doc.getInteger("currentStep"), line, instant(doc.getDate("submittedAt")),
                instant(doc.getDate("updatedAt")), instant(doc.getDate("completedAt")), history);
    }

    public Bson draftedBy(Caller caller) {
        return eq("drafter.id", caller.id());
    }

    public Bson newestFirst() {
        return Sorts.descending("submittedAt");
    }

    public Bson summaryFields() {
        return Projections.include("_id", "number", "type", "title", "status", "currentStep", "submittedAt", "updatedAt");
    }

    public ApprovalList list(List<Document> docs) {
        return new ApprovalList(docs.stream().map(d -> new ApprovalList.Summary(d.getString("_id"), d.getString("number"),
                d.getString("type"), d.getString("title"), d.getString("status"), d.getInteger("currentStep"),
                instant(d.getDate("submittedAt")), instant(d.getDate("updatedAt")))).toList());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Document person(Person p) {
        if (p == null) {
            return null;
        }
        return new Document("id", p.id()).append("name", p.name()).append("position", p.position())
                .append("department", p.department());
    }

    private static Person toPerson(Document d) {
        if (d == null) {
            return null;
        }
        return new Person(d.get("id", Number.class).longValue(), d.getString("name"), d.getString("position"),
                d.getString("department"));
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private String toJson(ApprovalEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
