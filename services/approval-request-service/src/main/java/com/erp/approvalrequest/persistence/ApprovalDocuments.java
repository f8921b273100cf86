package com.erp.approvalrequest.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Filters.size;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.erp.approvalrequest.api.AgreementRequest;
import com.erp.approvalrequest.api.ApprovalDocument;
import com.erp.approvalrequest.api.ApprovalList;
import com.erp.approvalrequest.api.Comment;
import com.erp.approvalrequest.api.CommentRequest;
import com.erp.approvalrequest.api.ExpenseRequest;
import com.erp.approvalrequest.api.LeaveCancellationRequest;
import com.erp.approvalrequest.api.LeaveRequest;
import com.erp.approvalrequest.api.TripRequest;
import com.erp.approvalrequest.api.ResubmitApprovalRequest;
import com.erp.approvalrequest.api.SubmitApprovalRequest;
import com.erp.approvalrequest.domain.DocumentNumber;
import com.erp.approvalrequest.domain.LeadAuthority;
import com.erp.approvalrequest.domain.Submissions;
import com.erp.approvalrequest.domain.Submissions.NewApproval;
import com.erp.routes.common.CurrentTrace;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.CancelledLeave;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.events.Topics;
import com.erp.routes.common.kafka.OutboxEntry;
import com.erp.routes.common.kafka.OutboxPage;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.PageCursor;
import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How approval documents look in MongoDB, and every query and update the approval-request routes send
 * there (bean {@code approvalDocuments}). mongo-java-server, like DocumentDB, has no multi-document
 * transactions, so each change is a single-document update: the outbox lives inside the document, history
 * entries are pushed only if their event id is not there yet, and processing state is set only from a newer
 * snapshot than the one stored ({@code stateVersion}).
 * <p>
 * A document with unpublished outbox entries carries a mark ({@value #OUTBOX_MARK}: the oldest entry's time and
 * the document id), set in the write that adds the entry and removed in the write that empties the outbox. The
 * relay and the backlog gauge find pending documents through the mark's sparse unique index, a lookup among the
 * few pending documents, instead of a query over every stored one (which, on the embedded server, holds the
 * collection's lock while it runs). A writer that adds an entry to an existing document must set the mark with
 * {@code $min}, so it keeps the oldest time.
 */
public class ApprovalDocuments {

    /** The outbox mark's field; its index is {@value #OUTBOX_MARK_INDEX} ({@link MongoCollections}). */
    public static final String OUTBOX_MARK = "outboxPending";
    public static final String OUTBOX_MARK_INDEX = "outbox_pending";
    /** A document's outbox entries Kafka refused for good, with why ({@link #setAside}). */
    public static final String OUTBOX_DEAD = "outboxDead";
    /** The mark of a document with {@link #OUTBOX_DEAD} entries (the first's time and the id); its index, unique, sparse. */
    public static final String OUTBOX_DEAD_MARK = "outboxDeadMark";
    public static final String OUTBOX_DEAD_MARK_INDEX = "outbox_dead_mark";
    /** The number an approved document has been given, before the write that shows it with the status. */
    public static final String NUMBER_CLAIM = "numberClaim";
    /** The page size when a list request names none (the contract's default). */
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    private static final List<String> RESUBMITTABLE = List.of(Progress.Status.REJECTED.name(), Progress.Status.WITHDRAWN.name());

    private final ObjectMapper json;
    private final Topics topics;
    private final Clock clock;
    private final ZoneId numberingZone;
    private final Duration outboxGrace;

    private final ZoneId calendarZone;

    private final CurrentTrace trace;

    public ApprovalDocuments(ObjectMapper json, Topics topics, Clock clock, ZoneId numberingZone, Duration outboxGrace) {
        this(json, topics, clock, numberingZone, outboxGrace, numberingZone, CurrentTrace.NONE);
    }

    /**
     * @param calendarZone the company's calendar (erp.calendar-zone), in which a list's days are read
     * @param trace        the trace each outbox entry keeps (the request's that stored it)
     */
    public ApprovalDocuments(ObjectMapper json, Topics topics, Clock clock, ZoneId numberingZone, Duration outboxGrace,
                             ZoneId calendarZone, CurrentTrace trace) {
        this.trace = trace;
        this.calendarZone = calendarZone;
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
            Document d = new Document("step", step.step());
            if (step.isAgreement()) {
                d.append("agreers", step.agreers().stream().map(ApprovalDocuments::person).toList());
            } else {
                d.append("approver", person(step.approver()));
            }
            line.add(d.append("status", Progress.StepStatus.WAITING.name()));
        }
        Date at = Date.from(approval.submittedAt());
        ApprovalEvent submitted = approval.submitted();
        Document doc = new Document("_id", approval.id())
                .append("type", approval.request().type())
                .append("title", approval.request().title().strip())
                .append("body", approval.request().body() == null ? "" : approval.request().body())
                .append("status", "SUBMITTED")
                .append("drafter", person(approval.drafter()))
                .append("line", line)
                .append("cc", approval.cc().stream().map(ApprovalDocuments::person).toList())
                .append("receivers", approval.receivers().stream().map(ApprovalDocuments::person).toList())
                .append("stateVersion", 0L)
                .append("submittedAt", at)
                .append("updatedAt", at)
                .append("history", List.of(history(submitted)))
                .append(OUTBOX_MARK, outboxMark(approval.id(), approval.submittedAt()))
                .append("outbox", List.of(outboxEntry(submitted, at)));
        if (approval.resubmissionOf() != null) {
            doc.append("resubmissionOf", approval.resubmissionOf());
        }
        if (!approval.receivingDepartments().isEmpty()) {
            doc.append("receivingDepartments", approval.receivingDepartments().stream().map(d -> {
                Document r = new Document("id", d.id()).append("name", d.name());
                return d.head() == null ? r : r.append("head", person(d.head()));
            }).toList());
        }
        List<Person> drafterLine = ((EventPayload.Submitted) submitted.payload()).drafterLine();
        if (drafterLine != null && !drafterLine.isEmpty()) {
            // whose people may approve it with 전결 (결재권한), for the page to offer it where processing takes it
            doc.append("drafterLine", drafterLine.stream().map(ApprovalDocuments::person).toList());
        }
        Leave leave = ((EventPayload.Submitted) submitted.payload()).leave();
        if (leave != null) {
            doc.append("leave", new Document("kind", leave.kind()).append("startDate", leave.startDate())
                    .append("endDate", leave.endDate()).append("days", leave.days()));
        }
        ExpenseRequest expense = approval.request().expense();
        if (expense != null) {
            doc.append("expense", new Document("amount", expense.amount()).append("category", expense.category())
                    .append("spentOn", expense.spentOn()));
        }
        TripRequest trip = approval.request().trip();
        if (trip != null) {
            Document t = new Document("destination", trip.destination().strip()).append("startDate", trip.startDate())
                    .append("endDate", trip.endDate());
            if (trip.purpose() != null && !trip.purpose().isBlank()) {
                t.append("purpose", trip.purpose().strip());
            }
            doc.append("trip", t);
        }
        LeadAuthority.Ruling rule = approval.lineRule();
        if (rule != null) {
            doc.append("lineRule", new Document("form", rule.form()).append("position", rule.position())
                    .append("limit", rule.limit()).append("unit", rule.unit()).append("size", rule.size())
                    .append("decidedBy", person(rule.decidedBy()))
                    .append("skipped", rule.skipped().stream().map(ApprovalDocuments::person).toList()));
        }
        return doc;
    }

    /** The 위임전결 rule that ended the document's default line with its team lead; null (left out) when none did. */
    private static LeadAuthority.Ruling lineRule(Document doc) {
        Document r = doc.get("lineRule", Document.class);
        return r == null ? null : new LeadAuthority.Ruling(r.getString("form"), r.getString("position"),
                r.get("limit", Number.class).doubleValue(), r.getString("unit"), r.get("size", Number.class).doubleValue(),
                toPerson(r.get("decidedBy", Document.class)),
                r.getList("skipped", Document.class, List.of()).stream().map(ApprovalDocuments::toPerson).toList());
    }

    /**
     * An event approval-request itself raises about a stored document (a comment, a receipt: no change of processing's
     * state), numbered with the document's state version.
     */
    private static ApprovalEvent eventAbout(Document doc, Instant at, EventPayload payload) {
        Number version = doc.get("stateVersion", Number.class);
        return ApprovalEvent.of(doc.getString("_id"), version == null ? 0 : version.longValue(), at, payload);
    }

    /**
     * The part of a document's update that queues an outbox entry with it: the entry, and the outbox mark, the oldest
     * pending entry's ({@code $min}: an older one still pending keeps its place).
     */
    private static Bson queued(String approvalId, Document entry, Instant at) {
        return Updates.combine(Updates.push("outbox", entry), Updates.min(OUTBOX_MARK, outboxMark(approvalId, at)));
    }

    /** A stored entry as the outbox's queue publishes it (the document's other entries are not the caller's). */
    private static Document toPublish(String approvalId, Document entry) {
        return new Document("_id", approvalId).append("outbox", List.of(entry));
    }

    /**
     * An event as the outbox keeps it until published: its id, topic, JSON, when it was stored, and the trace of the
     * request that stored it (left out when there is none).
     */
    private Document outboxEntry(ApprovalEvent event, Date at) {
        Document entry = new Document("eventId", event.eventId()).append("topic", topics.topicOf(event.eventType()))
                .append("payload", toJson(event)).append("createdAt", at);
        String traceparent = trace.traceparent();
        return traceparent == null ? entry : entry.append("traceparent", traceparent);
    }

    public List<OutboxEntry> outbox(Document document) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (Document e : document.getList("outbox", Document.class, List.of())) {
            entries.add(new OutboxEntry(document.getString("_id"), e.getString("eventId"), e.getString("topic"),
                    e.getString("payload"), e.getDate("createdAt").toInstant(), e.getString("traceparent")));
        }
        return entries;
    }

    /**
     * Outbox entries of these documents (a page of {@link #pendingOutbox(String)}, in its order) old enough that the
     * route that wrote them has given up on them; the page ends at the last document's mark. A document holds all its
     * entries, so none waits for a later page.
     */
    public OutboxPage dueOutbox(List<Document> documents) {
        Instant due = clock.instant().minus(outboxGrace);
        List<OutboxEntry> pending = documents.stream().flatMap(d -> outbox(d).stream()).toList();
        List<OutboxEntry> entries = pending.stream().filter(e -> e.createdAt().isBefore(due)).toList();
        String last = documents.isEmpty() ? null : documents.get(documents.size() - 1).getString(OUTBOX_MARK);
        return new OutboxPage(entries, documents.size(), pending.size(), last, Set.of());
    }

    /**
     * The mark of a document whose oldest unpublished entry was created at {@code oldest}: unique (it ends with the
     * id), and in time order when sorted as text (the time is zero-padded epoch milliseconds).
     */
    public static String outboxMark(String documentId, Instant oldest) {
        return String.format("%013d/%s", oldest.toEpochMilli(), documentId);
    }

    /**
     * Documents with unpublished entries. A regular expression, because it is the one condition on a field other
     * than {@code _id} that the embedded server answers from a (unique) index; a real MongoDB uses the index too.
     */
    public Bson pendingOutbox() {
        return regex(OUTBOX_MARK, "^");
    }

    /** Those of {@link #pendingOutbox()} after the mark {@code after} in {@link #pendingOutboxOrder()}; all if null. */
    public Bson pendingOutbox(String after) {
        return after == null ? pendingOutbox() : and(pendingOutbox(), gt(OUTBOX_MARK, after));
    }

    /** Oldest first, so that entries due for the relay are not crowded out of a batch by fresh ones. */
    public Bson pendingOutboxOrder() {
        return Sorts.ascending(OUTBOX_MARK);
    }

    /**
     * Removes a published entry, then the mark if the outbox is now empty: one round trip (an ordered bulk write).
     * The second update's condition is checked atomically with its change, so an entry added in between keeps the
     * mark.
     */
    public List<WriteModel<Document>> markPublished(OutboxEntry entry) {
        return List.of(new UpdateOneModel<>(eq("_id", entry.approvalId()),
                        Updates.pull("outbox", eq("eventId", entry.eventId()))),
                new UpdateOneModel<>(and(eq("_id", entry.approvalId()), size("outbox", 0)), Updates.unset(OUTBOX_MARK)));
    }

    /**
     * Sets aside an entry Kafka refused for good ({@code RequestOutboxDeadLetters}): one update moves it from the
     * document's outbox to its dead letters with why (only if it is still in the outbox: one published or set aside
     * meanwhile is not kept), and marks the document as having some; then, as for a published entry, the outbox mark
     * goes if the outbox is now empty.
     */
    public List<WriteModel<Document>> setAside(OutboxEntry entry, String reason, Instant failedAt) {
        Document letter = new Document("eventId", entry.eventId()).append("topic", entry.topic())
                .append("payload", entry.payload()).append("createdAt", Date.from(entry.createdAt()));
        if (entry.traceparent() != null) {
            letter.append("traceparent", entry.traceparent());
        }
        letter.append("reason", reason).append("failedAt", Date.from(failedAt));
        return List.of(new UpdateOneModel<>(and(eq("_id", entry.approvalId()), eq("outbox.eventId", entry.eventId())),
                        Updates.combine(Updates.pull("outbox", eq("eventId", entry.eventId())),
                                Updates.push(OUTBOX_DEAD, letter),
                                Updates.min(OUTBOX_DEAD_MARK, outboxMark(entry.approvalId(), failedAt)))),
                new UpdateOneModel<>(and(eq("_id", entry.approvalId()), size("outbox", 0)), Updates.unset(OUTBOX_MARK)));
    }

    /** Documents with entries set aside; like {@link #pendingOutbox()}, a lookup in the mark's unique index. */
    public static Bson withDeadLetters() {
        return regex(OUTBOX_DEAD_MARK, "^");
    }

    /**
     * Puts a document's dead letters back into its outbox, as they were stored, in one update: the outbox mark moves to
     * the oldest's time if that is older, so the relay meets them first. Only if the document still has exactly those
     * (a letter set aside since waits for the next replay).
     */
    public static List<Bson> replayed(Document document) {
        List<Document> letters = document.getList(OUTBOX_DEAD, Document.class, List.of());
        List<Document> entries = new ArrayList<>();
        Date oldest = null;
        for (Document letter : letters) {
            Document entry = new Document(letter);
            entry.remove("reason");
            entry.remove("failedAt");
            entries.add(entry);
            Date created = letter.getDate("createdAt");
            oldest = oldest == null || created.before(oldest) ? created : oldest;
        }
        String id = document.getString("_id");
        return List.of(and(eq("_id", id), size(OUTBOX_DEAD, letters.size())),
                Updates.combine(Updates.pushEach("outbox", entries), Updates.unset(OUTBOX_DEAD),
                        Updates.unset(OUTBOX_DEAD_MARK),
                        Updates.min(OUTBOX_MARK, outboxMark(id, oldest == null ? Instant.EPOCH : oldest.toInstant()))));
    }

    /** Documents stored before the mark existed that still have entries: {@link MongoCollections} marks them. */
    public static Bson unmarkedOutbox() {
        return and(exists("outbox.0"), exists(OUTBOX_MARK, false));
    }

    /** The mark for such a document, from its oldest entry. */
    public static List<Bson> markUpdate(Document document) {
        Instant oldest = document.getList("outbox", Document.class).stream()
                .map(e -> e.getDate("createdAt").toInstant()).min(Comparator.naturalOrder()).orElseThrow();
        return List.of(and(eq("_id", document.getString("_id")), exists(OUTBOX_MARK, false)),
                Updates.set(OUTBOX_MARK, outboxMark(document.getString("_id"), oldest)));
    }

    // ---- recording processing events ------------------------------------------------------------------------

    /**
     * What an event changes in its document, as one bulk write (one round trip): the event appended to the history
     * unless it is already there (a redelivered event), and its progress snapshot applied unless the document has a
     * newer one. Two updates because their conditions differ. A snapshot that approves the document carries its
     * {@code number} ({@link #approves}), so no reader sees an approved document without one.
     */
    public List<WriteModel<Document>> recordUpdates(ApprovalEvent event, String number) {
        UpdateOneModel<Document> history = new UpdateOneModel<>(and(eq("_id", event.approvalId()),
                ne("history.eventId", event.eventId())), Updates.push("history", history(event)));
        // a leave reservation changes no state: the document goes on as submitted until processing activates it
        if (progressOf(event.payload()) == null) {
            return List.of(history);
        }
        if (event.payload() instanceof EventPayload.LineChanged change) {
            // the people apart from the status: the step's activation that follows may be recorded first
            return List.of(history, lineUpdate(event, change), progressUpdate(event, number), lineLength(event));
        }
        return List.of(history, progressUpdate(event, number), lineLength(event));
    }

    /**
     * What a line change did, as the history says it: each changed step's people now (or that it went, from a line
     * now shorter), who is off the line, and why.
     */
    static String lineChangeSummary(EventPayload.LineChanged change) {
        List<String> parts = new ArrayList<>();
        for (int n : change.steps()) {
            if (n > change.line().size()) {
                parts.add("step " + n + " removed"); // the line is shorter now
                continue;
            }
            LineStep step = change.line().get(n - 1);
            parts.add("step " + n + (step.isAgreement() ? " (합의)" : "") + ": "
                    + String.join(", ", step.people().stream().map(Person::name).toList()));
        }
        String summary = String.join("; ", parts);
        if (change.removed() != null && !change.removed().isEmpty()) {
            summary += ". Off the line: " + String.join(", ", change.removed().stream().map(Person::name).toList());
        }
        return change.reason() == null ? summary : summary + ". Reason: " + change.reason();
    }

    /**
     * The people of every step as a line change left them, unless a later change was recorded already
     * ({@code lineVersion}; a step's status is the progress snapshot's, recorded apart: see {@link #progressUpdate}).
     */
    private static UpdateOneModel<Document> lineUpdate(ApprovalEvent event, EventPayload.LineChanged change) {
        List<Bson> sets = new ArrayList<>();
        for (LineStep step : change.line()) {
            String at = "line." + (step.step() - 1) + ".";
            // a step added (or of another kind now) is made whole here: its number, its people, not the other kind's
            sets.add(Updates.set(at + "step", step.step()));
            if (step.isAgreement()) {
                sets.add(Updates.set(at + "agreers", step.agreers().stream().map(ApprovalDocuments::person).toList()));
                sets.add(Updates.unset(at + "approver"));
            } else {
                sets.add(Updates.set(at + "approver", person(step.approver())));
                sets.add(Updates.unset(at + "agreers"));
            }
        }
        if (change.drafterLine() != null && !change.drafterLine().isEmpty()) {
            // the org-chart line processing judged the change against, and goes by for 전결 from now on
            sets.add(Updates.set("drafterLine", change.drafterLine().stream().map(ApprovalDocuments::person).toList()));
        } else if (change.drafterLine() != null) {
            // judged with none (the department rule), which 전결 goes by from now on too
            sets.add(Updates.unset("drafterLine"));
        }
        sets.add(Updates.set("lineVersion", event.sequence()));
        return new UpdateOneModel<>(and(eq("_id", event.approvalId()),
                or(exists("lineVersion", false), lt("lineVersion", event.sequence()))), Updates.combine(sets));
    }

    /**
     * The line cut to the length of the snapshot just recorded (steps a line change removed at its end): every
     * snapshot carries all the steps, so the newest one recorded says how long the line is. A snapshot older than the
     * one shown cuts nothing.
     */
    private static UpdateOneModel<Document> lineLength(ApprovalEvent event) {
        int steps = progressOf(event.payload()).steps().size();
        return new UpdateOneModel<>(and(eq("_id", event.approvalId()), eq("stateVersion", event.sequence())),
                Updates.pushEach("line", List.of(), new com.mongodb.client.model.PushOptions().slice(steps)));
    }

    private UpdateOneModel<Document> progressUpdate(ApprovalEvent event, String number) {
        Progress progress = progressOf(event.payload());
        List<Bson> sets = new ArrayList<>();
        sets.add(Updates.set("status", progress.status().name()));
        sets.add(Updates.set("currentStep", progress.currentStep()));
        sets.add(Updates.set("stateVersion", event.sequence()));
        // how many steps the line has, as processing says: a line change recorded late may have left more behind
        sets.add(Updates.set("stepCount", progress.steps().size()));
        sets.add(Updates.set("updatedAt", Date.from(event.occurredAt())));
        // 보류 of the active step, for the lists (the step shows it too): none once decided
        Progress.Hold hold = progress.activeHold();
        sets.add(Updates.set("heldAt", hold == null ? null : Date.from(hold.at())));
        for (Progress.StepProgress step : progress.steps()) {
            String at = "line." + (step.step() - 1) + ".";
            sets.add(Updates.set(at + "status", step.status().name()));
            sets.add(Updates.set(at + "decidedAt", step.decidedAt() == null ? null : Date.from(step.decidedAt())));
            sets.add(Updates.set(at + "comment", step.comment()));
            sets.add(Updates.set(at + "deputy", person(step.deputy())));
            // 보류: shown while the step is on hold, gone with the snapshot that decides it
            sets.add(Updates.set(at + "hold", step.hold() == null ? null : new Document("at", Date.from(step.hold().at()))
                    .append("reason", step.hold().reason()).append("by", person(step.hold().by()))));
            if (step.agreements() != null) {
                sets.add(Updates.set(at + "agreements", step.agreements().stream().map(a -> new Document("agreer",
                        person(a.agreer())).append("status", a.status().name())
                        .append("decidedAt", a.decidedAt() == null ? null : Date.from(a.decidedAt()))
                        .append("comment", a.comment()).append("deputy", person(a.deputy()))).toList()));
            } else {
                sets.add(Updates.unset(at + "agreements")); // a 합의 step there before a line change, if any
            }
        }
        if (progress.status() != Progress.Status.IN_PROGRESS) {
            sets.add(Updates.set("completedAt", Date.from(event.occurredAt())));
        }
        if (number != null) {
            sets.add(Updates.set("number", number));
        }
        // a leave cancelled keeps its status: the completion may be recorded after the final decision, and after this
        return new UpdateOneModel<>(and(eq("_id", event.approvalId()), lt("stateVersion", event.sequence()),
                ne("status", CANCELLED)), Updates.combine(sets));
    }

    // ---- numbering ----------------------------------------------------------------------------------------------
    // The final decision and the completion are on different topics, so either may be recorded first, possibly
    // by different instances. Whichever approves the document first takes a number from the counter and claims
    // it on the document (NUMBER_CLAIM, first claim wins); every later delivery uses the claimed one.
    // The claim is not shown: the visible number is set by the write that sets the status. A number is never
    // shown twice or changed, but one can be skipped: taken by a delivery that lost the claim, or by one that
    // stopped between taking and claiming it.

    /** Whether the event's snapshot approves the document (the final decision, the completion). */
    public boolean approves(ApprovalEvent event) {
        Progress progress = progressOf(event.payload());
        return progress != null && progress.status() == Progress.Status.APPROVED;
    }

    /** What numbering reads of a document. */
    public Bson numberFields() {
        return Projections.include("_id", "type", "number", NUMBER_CLAIM);
    }

    /** The number the document shows or has claimed; null if it has none yet (or is not stored). */
    public String numberOf(Document doc) {
        if (doc == null) {
            return null;
        }
        String number = doc.getString("number");
        return number != null ? number : doc.getString(NUMBER_CLAIM);
    }

    /** The counter (one per form and year) an approved document takes its number from. */
    public List<Bson> nextNumber(ApprovalEvent approving, String documentType) {
        String counter = DocumentNumber.counterId(documentType, approving.occurredAt(), numberingZone);
        return List.of(eq("_id", counter), Updates.inc("seq", 1L));
    }

    /** Claims the counter's number for the document, unless another delivery has claimed one already. */
    public List<Bson> claimNumber(ApprovalEvent approving, Document counter) {
        String number = DocumentNumber.format(counter.getString("_id"), counter.get("seq", Number.class).longValue());
        return List.of(and(eq("_id", approving.approvalId()), exists(NUMBER_CLAIM, false)), Updates.set(NUMBER_CLAIM, number));
    }

    /** The processing state the event leaves the document in; null for events that change none. */
    private static Progress progressOf(EventPayload payload) {
        if (payload instanceof EventPayload.StepActivated p) {
            return p.progress();
        } else if (payload instanceof EventPayload.Decided p) {
            return p.progress();
        } else if (payload instanceof EventPayload.Completed p) {
            return p.progress();
        } else if (payload instanceof EventPayload.Rejected p) {
            return p.progress();
        } else if (payload instanceof EventPayload.Withdrawn p) {
            return p.progress();
        } else if (payload instanceof EventPayload.LeaveRefused p) {
            return p.progress();
        } else if (payload instanceof EventPayload.Refused p) {
            return p.progress();
        } else if (payload instanceof EventPayload.LineChanged p) {
            return p.progress();
        }
        // a submission or a leave reservation
        return null;
    }

    private Document history(ApprovalEvent event) {
        Document entry = new Document("eventId", event.eventId())
                .append("at", Date.from(event.occurredAt()))
                .append("sequence", event.sequence());
        EventPayload payload = event.payload();
        if (payload instanceof EventPayload.Submitted p) {
            entry.append("type", "SUBMITTED").append("actor", person(p.drafter()));
        } else if (payload instanceof EventPayload.StepActivated p) {
            entry.append("type", "STEP_ACTIVATED").append("step", p.step());
            if (p.asksAgreement()) {
                entry.append("comment", "합의: " + String.join(", ", p.approvers().stream().map(Person::name).toList()));
            } else {
                entry.append("actor", p.approvers().isEmpty() ? null : person(p.approvers().get(0)));
            }
        } else if (payload instanceof EventPayload.Decided p) {
            entry.append("type", p.decision().name()).append("step", p.step())
                    .append("actor", person(p.actor())).append("comment", p.comment());
            if (p.onBehalfOf() != null) {
                entry.append("onBehalfOf", person(p.onBehalfOf()));
            }
        } else if (payload instanceof EventPayload.Completed p) {
            entry.append("type", "DOCUMENT_APPROVED").append("actor", person(p.finalApprover()));
            if (p.onBehalfOf() != null) {
                entry.append("onBehalfOf", person(p.onBehalfOf()));
            }
        } else if (payload instanceof EventPayload.Rejected p) {
            entry.append("type", "DOCUMENT_REJECTED").append("step", p.step())
                    .append("actor", person(p.actor())).append("comment", p.reason());
            if (p.onBehalfOf() != null) {
                entry.append("onBehalfOf", person(p.onBehalfOf()));
            }
        } else if (payload instanceof EventPayload.Withdrawn p) {
            entry.append("type", "WITHDRAWN").append("step", p.step())
                    .append("actor", person(p.drafter())).append("comment", p.reason());
        } else if (payload instanceof EventPayload.LeaveReserved p) {
            Leave leave = p.submission().leave();
            entry.append("type", "LEAVE_RESERVED").append("comment", LeaveRules.days(leave == null ? 0 : leave.halfDays())
                    + " reserved; " + LeaveRules.days(LeaveRules.halfDays(p.remaining())) + " left to ask for.");
        } else if (payload instanceof EventPayload.LeaveRefused p) {
            entry.append("type", "LEAVE_REFUSED").append("comment", p.reason());
        } else if (payload instanceof EventPayload.Refused p) {
            entry.append("type", "REFUSED").append("comment", p.reason());
        } else if (payload instanceof EventPayload.LineChanged p) {
            entry.append("type", "LINE_CHANGED").append("step", p.steps().get(0)).append("actor", person(p.drafter()))
                    .append("comment", lineChangeSummary(p));
        }
        return entry;
    }

    // ---- resubmission (재기안) ---------------------------------------------------------------------------------

    /**
     * The submission that resubmits {@code doc}: its form, title, body, line and cc, with what {@code changes} gives
     * instead. Only its drafter, only once it is rejected or withdrawn, and only once.
     */
    public SubmitApprovalRequest resubmission(Document doc, Caller caller, ResubmitApprovalRequest changes) {
        if (doc == null) {
            throw ProblemException.notFound("No such document.");
        }
        if (toPerson(doc.get("drafter", Document.class)).id() != caller.id()) {
            throw ProblemException.forbidden("Only the drafter can resubmit a document.");
        }
        String status = doc.getString("status");
        if (!RESUBMITTABLE.contains(status)) {
            throw ProblemException.conflict("Only a rejected or withdrawn document can be resubmitted; this one is "
                    + status.toLowerCase() + ".");
        }
        if (doc.getString("resubmittedAs") != null) {
            throw ProblemException.conflict("This document was resubmitted already, as " + doc.getString("resubmittedAs") + ".");
        }
        ResubmitApprovalRequest c = changes == null ? new ResubmitApprovalRequest(null, null, null, null, null, null, null)
                : changes;
        List<Long> line = new ArrayList<>();
        AgreementRequest oldAgreement = null;
        int agreements = 0;
        for (Document step : steps(doc)) {
            List<Document> agreers = step.getList("agreers", Document.class);
            if (agreers != null) {
                // placed before the approver that follows it
                oldAgreement = new AgreementRequest(agreers.stream().map(p -> p.get("id", Number.class).longValue()).toList(),
                        line.size() + 1);
                agreements++;
            } else {
                Document approver = step.get("approver", Document.class);
                if (approver != null) {
                    line.add(approver.get("id", Number.class).longValue());
                }
            }
        }
        if (agreements > 1 && c.approverIds() == null && c.agreement() == null) {
            // a line change can add 합의 steps; a submission holds one, and none may be left out unsaid
            throw ProblemException.unprocessable("The old line has " + agreements + " agreement (합의) steps and a "
                    + "document is submitted with at most one: give the one to keep (agreement), or a new line "
                    + "(approverIds).");
        }
        List<Long> cc = doc.getList("cc", Document.class, List.of()).stream()
                .map(p -> p.get("id", Number.class).longValue()).toList();
        List<Long> approvers = c.approverIds() != null ? c.approverIds() : line;
        // the old line's 합의 goes with the old line
        AgreementRequest agreement = c.agreement() != null ? c.agreement() : c.approverIds() == null ? oldAgreement : null;
        List<Long> onLine = new ArrayList<>(approvers);
        if (agreement != null && agreement.agreerIds() != null) {
            onLine.addAll(agreement.agreerIds());
        }
        // copied cc gives way to a new line: someone moved onto it is told as an approver
        List<Long> keptCc = cc.stream().filter(id -> !onLine.contains(id)).toList();
        return new SubmitApprovalRequest(doc.getString("type"), c.title() != null ? c.title() : doc.getString("title"),
                c.body() != null ? c.body() : doc.getString("body"), approvers,
                c.ccIds() != null ? c.ccIds() : keptCc.isEmpty() ? null : keptCc,
                c.leave() != null ? c.leave() : leaveRequest(doc.get("leave", Document.class)),
                c.expense() != null ? c.expense() : expense(doc.get("expense", Document.class)),
                c.trip() != null ? c.trip() : trip(doc.get("trip", Document.class)), agreement,
                c.receiverIds() != null ? c.receiverIds() : keptReceivers(doc, onLine, c.ccIds() != null ? c.ccIds() : keptCc),
                attachmentIds(doc), c.receiverDepartmentIds() != null ? c.receiverDepartmentIds() : keptDepartments(doc));
    }

    /** The old document's receiving departments (수신처), as ids; null when it had none. */
    private static List<Long> keptDepartments(Document doc) {
        List<Long> kept = doc.getList("receivingDepartments", Document.class, List.of()).stream()
                .map(d -> d.get("id", Number.class).longValue()).toList();
        return kept.isEmpty() ? null : kept;
    }

    /** The ids of a document's attachments (첨부파일), in their order; null when it has none. */
    private static List<String> attachmentIds(Document doc) {
        List<String> ids = doc.getList("attachments", Document.class, List.of()).stream().map(a -> a.getString("id"))
                .toList();
        return ids.isEmpty() ? null : ids;
    }

    /** The old document's receivers, but for anyone the new line or cc now holds; null when none are left. */
    private static List<Long> keptReceivers(Document doc, List<Long> onLine, List<Long> cc) {
        List<Long> kept = doc.getList("receivers", Document.class, List.of()).stream()
                .map(p -> p.get("id", Number.class).longValue())
                .filter(id -> !onLine.contains(id) && !cc.contains(id)).toList();
        return kept.isEmpty() ? null : kept;
    }

    private static ExpenseRequest expense(Document e) {
        return e == null ? null : new ExpenseRequest(e.get("amount", Number.class).longValue(), e.getString("category"),
                e.getString("spentOn"));
    }

    private static TripRequest trip(Document t) {
        return t == null ? null : new TripRequest(t.getString("destination"), t.getString("startDate"),
                t.getString("endDate"), t.getString("purpose"));
    }

    private static LeaveRequest leaveRequest(Document leave) {
        return leave == null ? null : new LeaveRequest(leave.getString("kind"), leave.getString("startDate"),
                leave.getString("endDate"));
    }

    /** The old document shows its resubmission: a repeatable write (the same id every time). */
    public List<Bson> link(String oldId, String newId) {
        return List.of(eq("_id", oldId), Updates.set("resubmittedAs", newId));
    }

    /**
     * The new document with the client's {@code Idempotency-Key} for it, as the drafter's (a unique index: the same
     * drafter's submission with the same key is not stored twice), and whether it goes the synchronous way (which may
     * take it back: a submission sent again meanwhile must not be told it is kept); unchanged without one.
     */
    public Document keyed(Document doc, long drafterId, String key, boolean sync) {
        if (key != null && !key.isBlank()) {
            doc.append("idempotencyKey", idempotencyKey(drafterId, key));
            if (sync) {
                doc.append(Submissions.DISPATCHED_SYNC, true);
            }
        }
        return doc;
    }

    /** Claims a document on the synchronous way for a replay of its submission: the sync way no longer removes it. */
    public List<Bson> claimFromSyncDispatch(String id) {
        return List.of(and(eq("_id", id), eq(Submissions.DISPATCHED_SYNC, true)),
                Updates.set(Submissions.DISPATCHED_SYNC, false));
    }

    /** The document, unless a replay of its submission claimed it (the sync way's withdrawal, DispatchSyncRoute). */
    public Bson unclaimed(String id) {
        // ($ne: false would say it, but the MongoDB-wire server used here does not match a missing field by it)
        return and(eq("_id", id), or(exists(Submissions.DISPATCHED_SYNC, false), eq(Submissions.DISPATCHED_SYNC, true)));
    }

    /** The query for the document the drafter submitted with this key. */
    public Bson byIdempotencyKey(long drafterId, String key) {
        return eq("idempotencyKey", idempotencyKey(drafterId, key));
    }

    private static String idempotencyKey(long drafterId, String key) {
        return drafterId + ":" + key.strip();
    }

    /** The document that resubmitted {@code oldId}. */
    public Bson resubmissionsOf(String oldId) {
        return eq("resubmissionOf", oldId);
    }

    public void alreadyResubmitted(Document existing) {
        throw ProblemException.conflict("This document was resubmitted already"
                + (existing == null ? "." : ", as " + existing.getString("_id") + "."));
    }

    // ---- changes approval-request makes itself (접수, 휴가 취소) ----------------------------------------------------

    /**
     * A change of a stored document to make (route {@code approval-request.change}): its conditional update (filter,
     * update), its event's outbox entry, and what to answer (409) when the condition no longer holds: another change
     * came first.
     */
    public record PendingChange(String approvalId, Bson filter, Bson update, Document outboxEntry, String conflict) {
    }

    /** The change's update: filter and update, as the update operation takes them. */
    public List<Bson> changeUpdate(PendingChange pending) {
        return List.of(pending.filter(), pending.update());
    }

    /** After the change's update: 409 with its conflict if it changed nothing (another change was first). */
    public void changeKept(PendingChange pending, Long modified) {
        if (modified == null || modified == 0) {
            throw ProblemException.conflict(pending.conflict());
        }
    }

    /** The stored entry, as the outbox's queue publishes it. */
    public Document changeOutbox(PendingChange pending) {
        return toPublish(pending.approvalId(), pending.outboxEntry());
    }

    /** After the change: the document as the caller now sees it. */
    public ApprovalDocument changed(Document doc, Caller caller) {
        return view(doc, caller, false);
    }

    // ---- receipt (접수) -----------------------------------------------------------------------------------------

    /**
     * The update that records the caller's receipt of the document (수신 → 접수), or why they may not: only a receiver
     * or someone of a receiving department (수신처; someone else learns nothing of it), once the document is approved,
     * once. A receiver's own receipt comes first; then, by someone of it, their department's, which stands for the
     * whole department. The update's condition repeats the last, so two receipts at the same moment record one
     * ({@link #changeKept}). The same update puts the {@code approval.received} event in the document's
     * outbox, so the drafter (and the department's head) are told exactly when the receipt is kept.
     */
    public PendingChange receipt(Document doc, Caller caller) {
        if (doc == null) {
            throw ProblemException.notFound("No such document.");
        }
        Document department = receivingDepartment(doc, caller);
        if (!isReceiver(doc, caller) && department == null) {
            throw ProblemException.forbidden("Only its receivers, and the people of the departments it is sent to "
                    + "(수신처), receive a document.");
        }
        if (CANCELLED.equals(doc.getString("status"))) {
            throw ProblemException.conflict("This leave was cancelled" + cancelledBy(doc) + ": there is nothing to "
                    + "acknowledge.");
        }
        if (!APPROVED.equals(doc.getString("status"))) {
            // how it stands is not theirs to know until it is approved (and sent to them): the same answer as reading it
            throw ProblemException.forbidden("This document is not yours to read or receive (a receiver reads and "
                    + "receives a document once it is approved).");
        }
        Instant at = clock.instant();
        Date now = Date.from(at);
        Document entry = new Document("at", now).append("sequence", Long.MAX_VALUE).append("type", "RECEIVED")
                .append("actor", person(caller.person()));
        if (isReceiver(doc, caller) && receivedAt(doc, caller) == null) {
            return pendingReceipt(doc, caller, null, at, "You received this document already.",
                    Filters.elemMatch("receivers", and(eq("id", caller.id()), exists("receivedAt", false))),
                    Updates.combine(Updates.set("receivers.$.receivedAt", now),
                            Updates.push("history", entry.append("eventId", "received:" + caller.id()))));
        }
        if (department == null) {
            throw ProblemException.conflict("You received this document already, at " + receivedAt(doc, caller) + ".");
        }
        if (department.getDate("receivedAt") != null) {
            throw ProblemException.conflict(department.getString("name") + " received this document already: "
                    + toPerson(department.get("receivedBy", Document.class)).name() + ", at "
                    + instant(department.getDate("receivedAt")) + ".");
        }
        long departmentId = department.get("id", Number.class).longValue();
        Document head = department.get("head", Document.class);
        return pendingReceipt(doc, caller, new ReceivingDepartment(departmentId, department.getString("name"),
                        head == null ? null : toPerson(head)), at, "Someone of your department received this document already.",
                Filters.elemMatch("receivingDepartments", and(eq("id", departmentId), exists("receivedAt", false))),
                Updates.combine(Updates.set("receivingDepartments.$.receivedAt", now),
                        Updates.set("receivingDepartments.$.receivedBy", person(caller.person())),
                        Updates.push("history", entry.append("eventId", "received:department:" + departmentId)
                                .append("comment", "수신처 " + department.getString("name")))));
    }

    private PendingChange pendingReceipt(Document doc, Caller caller, ReceivingDepartment department, Instant at,
                                         String conflict, Bson unreceived, Bson update) {
        String id = doc.getString("_id");
        Document outboxEntry = outboxEntry(eventAbout(doc, at, new EventPayload.Received(
                toPerson(doc.get("drafter", Document.class)).id(), doc.getString("title"), caller.person(), department)),
                Date.from(at));
        // and still approved: a cancellation (휴가 취소) at the same moment wins, and nobody acknowledges a cancelled leave
        return new PendingChange(id, and(eq("_id", id), eq("status", APPROVED), unreceived),
                Updates.combine(update, queued(id, outboxEntry, at)), outboxEntry, conflict);
    }

    /** The receiving department (수신처) the caller belongs to, as the document keeps it; null if none is theirs. */
    private static Document receivingDepartment(Document doc, Caller caller) {
        if (caller.departmentId() == null) {
            return null;
        }
        return doc.getList("receivingDepartments", Document.class, List.of()).stream()
                .filter(d -> d.get("id", Number.class).longValue() == caller.departmentId()).findFirst().orElse(null);
    }

    private static Instant receivedAt(Document doc, Caller caller) {
        return doc.getList("receivers", Document.class, List.of()).stream().filter(p -> isPerson(p, caller))
                .map(p -> instant(p.getDate("receivedAt"))).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    // ---- leave cancellation (휴가 취소) ---------------------------------------------------------------------------

    /** The status of an approved leave cancelled since; its days are the drafter's again. */
    public static final String CANCELLED = "CANCELLED";

    /**
     * 휴가 취소: the update that cancels an approved leave, or why it may not be: by its drafter before the leave's first
     * day in the company's calendar, or by an administrator at any time (a leave begun is a correction, not the drafter's
     * change of plan); only a leave document, only once it is approved, only once. The update's condition repeats the
     * last (the status is APPROVED), so of two cancellations at once one is kept ({@link #changeKept}). The same
     * update puts {@code approval.leave-cancelled} in the document's outbox: employee-service gives the days back,
     * notification tells the people concerned ({@link #audience}).
     */
    public PendingChange leaveCancellation(Document doc, Caller caller, LeaveCancellationRequest request) {
        if (doc == null) {
            throw ProblemException.notFound("No such document.");
        }
        Person drafter = toPerson(doc.get("drafter", Document.class));
        boolean own = drafter.id() == caller.id();
        if (!own && !caller.isAdmin()) {
            throw ProblemException.forbidden("Only its drafter, or an administrator, cancels a leave.");
        }
        Document leave = doc.get("leave", Document.class);
        if (!LeaveRules.FORM.equals(doc.getString("type")) || leave == null) {
            throw ProblemException.conflict("Only a leave document (휴가) is cancelled; this is a " + doc.getString("type")
                    + " document.");
        }
        String status = doc.getString("status");
        if (CANCELLED.equals(status)) {
            throw ProblemException.conflict("This leave was cancelled already" + cancelledBy(doc) + ".");
        }
        if (!APPROVED.equals(status)) {
            throw ProblemException.conflict(Progress.Status.IN_PROGRESS.name().equals(status)
                    || "SUBMITTED".equals(status)
                    ? "This leave is not approved yet: withdraw it (회수) instead."
                    : "Only an approved leave is cancelled; this one is " + status + " and holds no days.");
        }
        java.time.LocalDate start = java.time.LocalDate.parse(leave.getString("startDate"));
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(calendarZone));
        // days taken come back only by someone else's word: an administrator cancelling their own begun leave would
        // grant themselves days, which the ledger refuses them too (no grant to oneself)
        if (!start.isAfter(today) && (!caller.isAdmin() || own)) {
            throw ProblemException.conflict("The leave began on " + start + ": once it has begun, only an administrator "
                    + (own && caller.isAdmin() ? "other than its drafter " : "") + "cancels it.");
        }
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        Instant at = clock.instant();
        Date now = Date.from(at);
        String id = doc.getString("_id");
        Document outboxEntry = outboxEntry(eventAbout(doc, at, new EventPayload.LeaveCancelled(drafter.id(),
                doc.getString("title"), caller.person(), new Leave(leave.getString("kind"), leave.getString("startDate"),
                leave.getString("endDate"), leave.get("days", Number.class).doubleValue()), reason,
                audience(doc, caller), unreceivedDepartments(doc))), now);
        // last in the history, as a receipt is: after whatever processing's snapshots say
        Document entry = new Document("eventId", "leave-cancelled").append("at", now).append("sequence", Long.MAX_VALUE)
                .append("type", "LEAVE_CANCELLED").append("actor", person(caller.person())).append("comment", reason);
        return new PendingChange(id, and(eq("_id", id), eq("status", APPROVED)),
                Updates.combine(Updates.set("status", CANCELLED), Updates.set("cancelledAt", now),
                        Updates.set("updatedAt", now), Updates.push("history", entry), queued(id, outboxEntry, at)),
                outboxEntry, "This leave was cancelled already.");
    }

    /**
     * The drafter's cancelled leaves (휴가 취소) on days of the year {@code leave} starts in (criteria): a new leave's
     * submission names them, so that the ledger frees their days first if their cancellation has not reached it yet.
     * Any year (a person's few) when the start is no date: the submission is refused for that anyway.
     */
    public Bson cancelledLeavesOf(long drafterId, LeaveRequest leave) {
        List<Bson> all = new ArrayList<>(List.of(eq("drafter.id", drafterId), eq("type", LeaveRules.FORM),
                eq("status", CANCELLED)));
        String start = leave == null ? null : leave.startDate();
        if (start != null && start.matches("\\d{4}-\\d{2}-\\d{2}")) {
            String year = start.substring(0, 4);
            // dates as ISO strings compare as dates (a leave stays within one year: LeaveRules)
            all.add(lte("leave.startDate", year + "-12-31"));
            all.add(Filters.gte("leave.endDate", year + "-01-01"));
        }
        return and(all);
    }

    /** A leave document's history is a few entries: its cancellation's reason is read from there. */
    public Bson cancelledLeaveFields() {
        return Projections.include("_id", "history");
    }

    /** The cancelled leaves found, each with the reason its cancellation (LEAVE_CANCELLED in its history) gave. */
    public List<CancelledLeave> cancelledLeaves(List<Document> docs) {
        return docs == null ? List.of() : docs.stream()
                .map(d -> new CancelledLeave(d.getString("_id"),
                        d.getList("history", Document.class, List.of()).stream()
                                .filter(h -> "LEAVE_CANCELLED".equals(h.getString("type")))
                                .map(h -> h.getString("comment")).filter(java.util.Objects::nonNull).findFirst()
                                .orElse(null)))
                .toList();
    }

    /** Who cancelled the leave and when, as its history says: " by 김민준 at ...", or nothing. */
    private static String cancelledBy(Document doc) {
        return doc.getList("history", Document.class, List.of()).stream()
                .filter(h -> "LEAVE_CANCELLED".equals(h.getString("type"))).findFirst()
                .map(h -> " by " + toPerson(h.get("actor", Document.class)).name() + " at " + instant(h.getDate("at")))
                .orElse("");
    }

    // ---- comments (의견) ---------------------------------------------------------------------------------------

    /** The most comments a document keeps: a document is one record, and it must stay far below MongoDB's 16 MB. */
    public static final int MAX_COMMENTS = 500;
    /** The most comments one person adds to a document in a minute: each one tells everyone concerned. */
    public static final int COMMENTS_PER_MINUTE = 5;
    /**
     * Of the {@value #MAX_COMMENTS}, how many only its drafter and the people of its line (approvers, agreers, their
     * deputies) add: readers besides them (cc, receivers, a department's people) cannot use up the document's room.
     */
    public static final int COMMENTS_KEPT_FOR_THE_LINE = 100;

    /**
     * A comment to keep, with its event's outbox entry.
     *
     * @param event null when the comment was kept before (sent again with its Idempotency-Key): nothing to store
     * @param room  how many comments the document may hold for this one to be added ({@link #MAX_COMMENTS}, or less
     *              for a reader off the line)
     */
    public record PendingComment(String approvalId, Comment comment, ApprovalEvent event, Document outboxEntry,
                                 boolean keyed, int room) {

        public boolean replayed() {
            return event == null;
        }
    }

    /**
     * 의견: whoever may read the document ({@link #mayRead}, or the deputy of someone who must decide it now) may
     * comment on it, whatever its status; someone else learns nothing of it. The people concerned are told
     * ({@link EventPayload.Commented}).
     */
    public PendingComment comment(Document doc, Caller caller, Boolean deputy, CommentRequest request, String key) {
        if (doc == null) {
            throw ProblemException.notFound("No such document.");
        }
        if (!mayRead(doc, caller) && !Boolean.TRUE.equals(deputy)) {
            throw ProblemException.forbidden("Only those who may read a document comment on it.");
        }
        String text = request == null || request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            throw ProblemException.badRequest("A comment needs some text.", List.of(new FieldError("/text", "is blank")));
        }
        Instant now = clock.instant();
        String id = doc.getString("_id");
        boolean keyed = key != null && !key.isBlank();
        // with an Idempotency-Key, the comment's id is the author's key's: sent again, it is found instead of kept twice
        String commentId = keyed ? UUID.nameUUIDFromBytes((id + "/" + caller.id() + "/" + key.strip())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString() : UUID.randomUUID().toString();
        for (Document kept : doc.getList("comments", Document.class, List.of())) {
            if (commentId.equals(kept.getString("id"))) {
                return new PendingComment(id, new Comment(commentId, toPerson(kept.get("author", Document.class)),
                        kept.getString("text"), instant(kept.getDate("at"))), null, null, true, MAX_COMMENTS);
            }
        }
        int room = Boolean.TRUE.equals(deputy) || drafterOrOnLine(doc, caller) ? MAX_COMMENTS
                : MAX_COMMENTS - COMMENTS_KEPT_FOR_THE_LINE;
        noRoom(doc.getList("comments", Document.class, List.of()).size(), room);
        commentsSlowed(doc, caller.id(), now);
        Comment comment = new Comment(commentId, caller.person(), text, now);
        ApprovalEvent event = eventAbout(doc, now, new EventPayload.Commented(
                toPerson(doc.get("drafter", Document.class)).id(), doc.getString("title"), caller.person(), text,
                audience(doc, caller), unreceivedDepartments(doc)));
        return new PendingComment(id, comment, event, outboxEntry(event, Date.from(now)), keyed, room);
    }

    /** 409 when the document holds as many comments as {@code room} allows. */
    private static void noRoom(int comments, int room) {
        if (comments >= MAX_COMMENTS) {
            throw ProblemException.conflict("This document has " + MAX_COMMENTS + " comments, the most it keeps.");
        }
        if (comments >= room) {
            throw ProblemException.conflict("This document has " + comments + " comments; the rest of the "
                    + MAX_COMMENTS + " it keeps are its drafter's and its approval line's.");
        }
    }

    /**
     * 429 with Retry-After once {@code authorId} added {@value #COMMENTS_PER_MINUTE} comments to the document in the last
     * minute: a flood by one reader would otherwise reach everyone concerned (and fill the document's 500) in moments.
     */
    private static void commentsSlowed(Document doc, long authorId, Instant now) {
        Instant since = now.minusSeconds(60);
        // the times the update keeps and judges by (commentUpdate): the same record, one rule
        Document rates = doc.get("commentRate", Document.class);
        List<Instant> recent = (rates == null ? List.<Date>of()
                : rates.getList(String.valueOf(authorId), Date.class, List.of())).stream()
                .map(ApprovalDocuments::instant).filter(at -> at != null && at.isAfter(since)).sorted().toList();
        if (recent.size() >= COMMENTS_PER_MINUTE) {
            long wait = Duration.between(now, recent.get(recent.size() - COMMENTS_PER_MINUTE).plusSeconds(60))
                    .toSeconds() + 1;
            throw ProblemException.tooManyRequests("You added " + recent.size() + " comments to this document in the "
                    + "last minute, the most one person adds: the next one in " + wait + " s.", (int) Math.max(1, wait));
        }
    }

    /**
     * Who hears of a comment: the drafter, the approvers and agreers the document has reached (a step active or
     * decided now, and whoever its history names as asked or as deciding, so one whose step was sent back or taken
     * back since, and deputies, count too), the people in cc, the superiors a waiting step was escalated to, its receivers once it is approved (and, for each
     * receiving department, who received it; the head of one not received yet is found by notification,
     * {@link #unreceivedDepartments}); not the author, not
     * those whose step has not come or was skipped without reaching them (they read it when it does).
     */
    private static List<Person> audience(Document doc, Caller author) {
        java.util.Map<Long, Person> people = new java.util.LinkedHashMap<>();
        java.util.function.Consumer<Document> add = d -> {
            if (d != null) {
                Person p = toPerson(d);
                people.putIfAbsent(p.id(), p);
            }
        };
        add.accept(doc.get("drafter", Document.class));
        for (Document step : steps(doc)) {
            String status = step.getString("status");
            if (Progress.StepStatus.WAITING.name().equals(status) || Progress.StepStatus.SKIPPED.name().equals(status)) {
                continue;
            }
            add.accept(step.get("approver", Document.class));
            add.accept(step.get("deputy", Document.class));
            List<Document> parts = step.getList("agreements", Document.class);
            if (parts != null) {
                parts.forEach(a -> {
                    add.accept(a.get("agreer", Document.class));
                    add.accept(a.get("deputy", Document.class));
                });
            } else {
                step.getList("agreers", Document.class, List.of()).forEach(add);
            }
        }
        participants(doc).forEach(add);
        doc.getList("cc", Document.class, List.of()).forEach(add);
        doc.getList("escalatedTo", Document.class, List.of()).forEach(add);
        if (sent(doc)) {
            doc.getList("receivers", Document.class, List.of()).forEach(add);
            // 수신처: who acknowledged it for their department
            doc.getList("receivingDepartments", Document.class, List.of())
                    .forEach(d -> add.accept(d.get("receivedBy", Document.class)));
        }
        people.remove(author.id());
        return List.copyOf(people.values());
    }

    /**
     * The receiving departments (수신처) of an approved document that no one has acknowledged it for yet: their heads
     * hear of a comment, the heads now, which notification knows from the org chart (here only the head at
     * submission is kept). Null when there are none.
     */
    private static List<ReceivingDepartment> unreceivedDepartments(Document doc) {
        if (!sent(doc)) {
            return null;
        }
        List<ReceivingDepartment> unreceived = doc.getList("receivingDepartments", Document.class, List.of()).stream()
                .filter(d -> d.get("receivedBy", Document.class) == null)
                .map(d -> new ReceivingDepartment(d.get("id", Number.class).longValue(), d.getString("name"),
                        d.get("head", Document.class) == null ? null : toPerson(d.get("head", Document.class))))
                .toList();
        return unreceived.isEmpty() ? null : unreceived;
    }

    /**
     * The comment and its event in the outbox, in one update, unless the document holds as many as the comment's
     * {@code room} already, or its author added {@value #COMMENTS_PER_MINUTE} within the last minute: {@code commentRate.<author>}
     * keeps the times of their latest few, which a filter can compare (the count of their comments in the list could
     * not be, without {@code $expr}). The outbox mark is the oldest pending entry's ({@code $min}): an older one still pending keeps its
     * place.
     */
    public List<Bson> commentUpdate(PendingComment pending) {
        Comment c = pending.comment();
        String rate = "commentRate." + c.author().id();
        return List.of(and(eq("_id", pending.approvalId()), exists("comments." + (pending.room() - 1), false),
                        // the same keyed comment sent twice at once: kept by the first
                        ne("comments.id", c.id()),
                        // the author's limit, in the update itself: comments sent at the same moment all passed the
                        // check on the document as read
                        or(exists(rate + "." + (COMMENTS_PER_MINUTE - 1), false),
                                lte(rate + ".0", Date.from(c.at().minusSeconds(60))))),
                Updates.combine(
                        Updates.push("comments", new Document("id", c.id()).append("author", person(c.author()))
                                .append("text", c.text()).append("at", Date.from(c.at()))),
                        // when the author's last comments were added, the latest few, oldest first
                        Updates.pushEach(rate, List.of(Date.from(c.at())),
                                new com.mongodb.client.model.PushOptions().sort(1).slice(-COMMENTS_PER_MINUTE)),
                        queued(pending.approvalId(), pending.outboxEntry(), c.at())));
    }

    /**
     * After the update: whether it kept the comment (its event is then published). Nothing changed: the document as it
     * is now ({@code doc}, read again) says why: the same keyed comment kept a moment before by a request sent at once
     * (its event is that one's: false), 409 when it keeps as many comments as it may, 429 when the author's comments sent
     * at the same moment reached the limit, else 409 to send it again.
     */
    public boolean commentKept(Long modified, PendingComment pending, Document doc) {
        if (modified != null && modified > 0) {
            return true;
        }
        if (doc == null) {
            throw ProblemException.notFound("No such document.");
        }
        List<Document> comments = doc.getList("comments", Document.class, List.of());
        if (pending.keyed() && comments.stream().anyMatch(c -> pending.comment().id().equals(c.getString("id")))) {
            return false;
        }
        noRoom(comments.size(), pending.room());
        commentsSlowed(doc, pending.comment().author().id(), pending.comment().at());
        // nothing the document says now refused it (another request changed it between): sending it again decides
        throw ProblemException.conflict("The document changed while the comment was kept: send it again.");
    }

    /** The stored entry, as the outbox's queue publishes it (the document's other entries are not this route's). */
    public Document commentOutbox(PendingComment pending) {
        return toPublish(pending.approvalId(), pending.outboxEntry());
    }

    public Comment commentView(PendingComment pending) {
        return pending.comment();
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * Who may read a document without a delegation: administrators, its drafter, approvers and agreers (and deputies
     * who decided for one, also once that step was sent back or taken back), people in cc, the superiors a step
     * waiting too long was escalated to, and its receivers (수신) and the people of its receiving departments (수신처)
     * once it is approved; and the head of the drafter's department (부서 문서함).
     */
    public static boolean mayRead(Document doc, Caller caller) {
        Person drafter = toPerson(doc.get("drafter", Document.class));
        if (caller.isAdmin() || drafter.id() == caller.id() || headOf(caller, drafter.department())) {
            return true;
        }
        return onLine(doc, caller) || doc.getList("cc", Document.class, List.of()).stream().anyMatch(p -> isPerson(p, caller))
                // a superior a waiting step was escalated to
                || doc.getList("escalatedTo", Document.class, List.of()).stream().anyMatch(p -> isPerson(p, caller))
                || (isReceiver(doc, caller) || receivingDepartment(doc, caller) != null) && sent(doc)
                // a deputy whose decision was sent back or taken back since: the line no longer names them
                || participants(doc).stream().anyMatch(p -> isPerson(p, caller));
    }

    /** An approver, an agreer, or the deputy who decided for one, of a step of the line as it is now. */
    private static boolean onLine(Document doc, Caller caller) {
        for (Document step : steps(doc)) {
            if (isPerson(step.get("approver", Document.class), caller) || isPerson(step.get("deputy", Document.class), caller)
                    || step.getList("agreers", Document.class, List.of()).stream().anyMatch(p -> isPerson(p, caller))
                    || step.getList("agreements", Document.class, List.of()).stream()
                            .anyMatch(a -> isPerson(a.get("deputy", Document.class), caller))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Its drafter, someone of its line ({@link #onLine}), or someone its history names as asked or deciding (a deputy
     * whose decision was sent back or taken back since): whose comments the document keeps room for.
     */
    private static boolean drafterOrOnLine(Document doc, Caller caller) {
        return toPerson(doc.get("drafter", Document.class)).id() == caller.id() || onLine(doc, caller)
                || participants(doc).stream().anyMatch(p -> isPerson(p, caller));
    }

    /**
     * Whether the caller heads the department of this name: their token says they head their own department (the org
     * chart's head when it was issued, not their rank) and names it; the documents keep the drafter's department by
     * name, as it was when they were submitted.
     */
    private static boolean headOf(Caller caller, String department) {
        return caller.headsDepartment() && department != null && department.equals(caller.department());
    }

    private static final String APPROVED = Progress.Status.APPROVED.name();
    /** The statuses of a document sent to its receivers: approved, and a leave cancelled after that. */
    private static final List<String> SENT = List.of(APPROVED, CANCELLED);

    /** Whether the document was sent to its receivers (수신, 수신처): once approved, also if cancelled since. */
    private static boolean sent(Document doc) {
        return SENT.contains(doc.getString("status"));
    }

    /**
     * The line's steps, as many as the newest snapshot recorded counts ({@code stepCount}): a line change that grew the
     * line, recorded after a later one that shortened it and after the snapshot that cut it, may have left steps
     * behind that are no longer on it.
     */
    static List<Document> steps(Document doc) {
        List<Document> line = doc.getList("line", Document.class, List.of());
        Integer count = doc.getInteger("stepCount");
        return count == null || count >= line.size() ? line : line.subList(0, count);
    }

    /**
     * Whoever the history names as asked to decide (a step's activation) or as deciding (a decision's actor, and the
     * approver a deputy decided for): they took part, whatever the line shows now. A step sent back or taken back
     * is reset on the line (its deputy cleared), its history is not.
     */
    private static List<Document> participants(Document doc) {
        List<Document> people = new ArrayList<>();
        for (Document h : doc.getList("history", Document.class, List.of())) {
            String type = h.getString("type");
            if ("SUBMITTED".equals(type) || "RECEIVED".equals(type) || "WITHDRAWN".equals(type)
                    || "LEAVE_CANCELLED".equals(type)) {
                continue; // the drafter, a receiver, or who cancelled a leave (its drafter, an administrator): their own rules
            }
            if (h.get("actor", Document.class) != null) {
                people.add(h.get("actor", Document.class));
            }
            if (h.get("onBehalfOf", Document.class) != null) {
                people.add(h.get("onBehalfOf", Document.class));
            }
        }
        return people;
    }

    private static boolean isReceiver(Document doc, Caller caller) {
        return doc.getList("receivers", Document.class, List.of()).stream().anyMatch(p -> isPerson(p, caller));
    }

    private static boolean isPerson(Document person, Caller caller) {
        return person != null && person.get("id", Number.class).longValue() == caller.id();
    }

    /**
     * The document as the contract shows it, to someone allowed to see it ({@link #mayRead}), or to the deputy of the
     * approver whose step is active ({@code deputy}: approval-request's copy of the delegations says so).
     */
    public ApprovalDocument view(Document doc, Caller caller, Boolean deputy) {
        return view(doc, caller, deputy, Map.of());
    }

    /** With who may decide the active step today for whom ({@code standIns}: approver id to deputy or successor). */
    public ApprovalDocument view(Document doc, Caller caller, Boolean deputy, Map<Long, Person> standIns) {
        if (doc == null) {
            throw ProblemException.notFound("No such document.");
        }
        if (!mayRead(doc, caller) && !Boolean.TRUE.equals(deputy)) {
            throw ProblemException.forbidden("Only the drafter, the approvers and agreers (and a deputy deciding for one), "
                    + "the people in cc, the receivers of an approved document (and the people of the departments it is "
                    + "sent to), the superiors a step waiting too long was escalated to, the head of the drafter's "
                    + "department and administrators may read this document.");
        }
        List<Document> steps = steps(doc);
        // a step's number is its place, also for a step added whose status was recorded before its line change
        List<ApprovalDocument.LineStep> line = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Document s = steps.get(i);
            line.add(new ApprovalDocument.LineStep(i + 1, toPerson(s.get("approver", Document.class)),
                    s.getString("status"), instant(s.getDate("decidedAt")), s.getString("comment"),
                    toPerson(s.get("deputy", Document.class)), agreements(s), hold(s.get("hold", Document.class))));
        }
        Person drafter = toPerson(doc.get("drafter", Document.class));
        List<Person> cc = doc.getList("cc", Document.class, List.of()).stream().map(ApprovalDocuments::toPerson).toList();
        List<ApprovalDocument.HistoryEntry> history = doc.getList("history", Document.class).stream()
                .sorted(Comparator.comparing((Document h) -> h.get("sequence", Number.class).longValue())
                        .thenComparing(h -> h.getDate("at")))
                .map(h -> new ApprovalDocument.HistoryEntry(h.getString("eventId"), h.getString("type"),
                        instant(h.getDate("at")), h.getInteger("step"), toPerson(h.get("actor", Document.class)),
                        h.getString("comment"), toPerson(h.get("onBehalfOf", Document.class))))
                .toList();
        Document leave = doc.get("leave", Document.class);
        return new ApprovalDocument(doc.getString("_id"), doc.getString("number"), doc.getString("type"),
                doc.getString("title"), doc.getString("body"), leave == null ? null : new Leave(leave.getString("kind"),
                        leave.getString("startDate"), leave.getString("endDate"), leave.get("days", Number.class).doubleValue()),
                doc.getString("status"), drafter,
                doc.getInteger("currentStep"), line, cc, instant(doc.getDate("submittedAt")),
                instant(doc.getDate("updatedAt")), instant(doc.getDate("completedAt")), history,
                doc.getString("resubmissionOf"), doc.getString("resubmittedAs"),
                expense(doc.get("expense", Document.class)), trip(doc.get("trip", Document.class)),
                doc.getList("receivers", Document.class, List.of()).stream().map(r -> new ApprovalDocument.Receiver(
                        toPerson(r), instant(r.getDate("receivedAt")))).toList(),
                doc.getList("comments", Document.class, List.of()).stream().map(c -> new Comment(c.getString("id"),
                        toPerson(c.get("author", Document.class)), c.getString("text"), instant(c.getDate("at")))).toList(),
                standIns(drafter, line, standIns), attachments(doc), readers(doc), receivingDepartments(doc),
                escalatedTo(doc), lineRule(doc), drafterLine(doc));
    }

    /**
     * The drafter's org-chart line at submission, or as the last line change judged it; null (left out) when there was
     * none then, or the document was stored before it was kept.
     */
    private static List<Person> drafterLine(Document doc) {
        List<Document> line = doc.getList("drafterLine", Document.class, List.of());
        return line.isEmpty() ? null : line.stream().map(ApprovalDocuments::toPerson).toList();
    }

    /** The superiors a step waiting too long was escalated to; null (left out) when none was. */
    private static List<Person> escalatedTo(Document doc) {
        List<Document> superiors = doc.getList("escalatedTo", Document.class, List.of());
        return superiors.isEmpty() ? null : superiors.stream().map(ApprovalDocuments::toPerson).toList();
    }

    // ---- escalation -------------------------------------------------------------------------------------------

    /**
     * A reminder that escalated (approval-processing: the step waited {@code reminders.escalate-after}): its superiors
     * are kept on the document, each once by id (a name or position changed since does not add them again), so they
     * may read it from then on. One update per superior, in one bulk write.
     */
    public List<WriteModel<Document>> escalationUpdates(ReminderEvent reminder) {
        return reminder.escalatedTo().stream().<WriteModel<Document>>map(p -> new UpdateOneModel<>(
                and(eq("_id", reminder.approvalId()), Filters.ne("escalatedTo.id", p.id())),
                Updates.push("escalatedTo", person(p)))).toList();
    }

    /** 수신처, as the contract shows it; null (left out) when the document has none. */
    private static List<ApprovalDocument.ReceivingDepartment> receivingDepartments(Document doc) {
        List<Document> departments = doc.getList("receivingDepartments", Document.class, List.of());
        return departments.isEmpty() ? null : departments.stream().map(d -> new ApprovalDocument.ReceivingDepartment(
                new ApprovalDocument.DocumentDepartment(d.get("id", Number.class).longValue(), d.getString("name")),
                toPerson(d.get("head", Document.class)), toPerson(d.get("receivedBy", Document.class)),
                instant(d.getDate("receivedAt")))).toList();
    }

    /** At most so many readers are kept on a document (열람): the first ones. */
    static final int MAX_READERS = 200;

    /** Who opened the document besides its drafter, first read first; null (left out) when nobody has. */
    private static List<ApprovalDocument.Reader> readers(Document doc) {
        List<Document> readers = doc.getList("readBy", Document.class, List.of());
        return readers.isEmpty() ? null : readers.stream().map(r -> new ApprovalDocument.Reader(
                toPerson(r.get("reader", Document.class)), instant(r.getDate("at")))).toList();
    }

    /**
     * 열람: the caller's first reading of the document, to be kept; null when there is nothing to keep (the drafter,
     * someone who read it before, or a document that keeps {@value #MAX_READERS} readers already). Conditional, so two
     * first readings at once keep one.
     */
    public List<Bson> firstReading(Document doc, Caller caller) {
        if (doc == null || toPerson(doc.get("drafter", Document.class)).id() == caller.id()) {
            return null;
        }
        List<Document> readers = doc.getList("readBy", Document.class, List.of());
        if (readers.size() >= MAX_READERS
                || readers.stream().anyMatch(r -> isPerson(r.get("reader", Document.class), caller))) {
            return null;
        }
        return List.of(and(eq("_id", doc.getString("_id")), ne("readBy.reader.id", caller.id()),
                        exists("readBy." + (MAX_READERS - 1), false)),
                Updates.push("readBy", new Document("reader", person(caller.person()))
                        .append("at", Date.from(clock.instant()))));
    }

    /** The document's attachments (첨부파일) as the contract shows them; null (left out) when none. */
    private static List<com.erp.approvalrequest.api.Attachment> attachments(Document doc) {
        List<Document> files = doc.getList("attachments", Document.class, List.of());
        return files.isEmpty() ? null : files.stream().map(a -> new com.erp.approvalrequest.api.Attachment(
                a.getString("id"), a.getString("name"), a.getString("contentType"),
                a.get("size", Number.class).longValue())).toList();
    }

    /** The new document with the files it carries (첨부파일; {@link Attachments#chosen}), if any. */
    public Document newDocument(NewApproval approval, List<Document> attachments) {
        Document doc = newDocument(approval);
        if (attachments != null && !attachments.isEmpty()) {
            doc.append("attachments", attachments);
        }
        return doc;
    }

    /**
     * The stand-ins of the people the active step waits for; null (left out) when none. Not a deputy who drafted the
     * document or is on its line: approval-processing would not let them decide it for anyone.
     */
    private static List<ApprovalDocument.StandIn> standIns(Person drafter, List<ApprovalDocument.LineStep> line,
                                                          Map<Long, Person> deputies) {
        if (deputies == null || deputies.isEmpty()) {
            return null;
        }
        Set<Long> concerned = new HashSet<>(List.of(drafter.id()));
        for (ApprovalDocument.LineStep step : line) {
            if (step.approver() != null) {
                concerned.add(step.approver().id());
            }
            (step.agreements() == null ? List.<ApprovalDocument.Agreement>of() : step.agreements())
                    .forEach(a -> concerned.add(a.agreer().id()));
        }
        List<ApprovalDocument.StandIn> standIns = new ArrayList<>();
        for (ApprovalDocument.LineStep step : line) {
            if (!"PENDING".equals(step.status())) {
                continue;
            }
            List<Person> waiting = new ArrayList<>();
            if (step.approver() != null) {
                waiting.add(step.approver());
            }
            for (ApprovalDocument.Agreement a : step.agreements() == null ? List.<ApprovalDocument.Agreement>of() : step.agreements()) {
                if ("PENDING".equals(a.status())) {
                    waiting.add(a.agreer());
                }
            }
            waiting.stream().filter(p -> deputies.containsKey(p.id()) && !concerned.contains(deputies.get(p.id()).id()))
                    .forEach(p -> standIns.add(new ApprovalDocument.StandIn(p, deputies.get(p.id()))));
        }
        return standIns.isEmpty() ? null : standIns;
    }

    /** The same without the form and the days. */
    public Bson pageCriteria(Caller caller, String box, String status, String q, String cursor) {
        return pageCriteria(caller, box, status, q, null, null, null, null, cursor);
    }

    /**
     * The documents of the caller's box (drafted, on whose line the caller is, in cc of, escalated to, received; those
     * of the department a head heads; every one for an administrator), in status, of the
     * form {@code type}, whose title or number contains {@code q} (as written: quoted, not a pattern; any case),
     * submitted from the day {@code from} to the day {@code to} (both included, in the company's calendar;
     * yyyy-MM-dd, either may be null), on hold (보류) or not if {@code held} says, after cursor.
     */
    public Bson pageCriteria(Caller caller, String box, String status, String q, String type, String from, String to,
                             Boolean held, String cursor) {
        List<Bson> all = new ArrayList<>();
        all.add(switch (box == null ? "drafted" : box) {
            // a deputy's box holds the documents they decided a step of, too: by the line while the decision stands,
            // by the history once the step was sent back or taken back (the line's deputy is cleared then)
            case "approver" -> or(eq("line.approver.id", caller.id()), eq("line.agreers.id", caller.id()),
                    eq("line.deputy.id", caller.id()), eq("line.agreements.deputy.id", caller.id()),
                    elemMatch("history", and(eq("actor.id", caller.id()), exists("onBehalfOf.id"))));
            case "cc" -> eq("cc.id", caller.id());
            // 상위자 통보: the documents a step of which, waiting too long, was escalated to the caller
            case "escalated" -> eq("escalatedTo.id", caller.id());
            case "all" -> {
                // 전사 문서함: every document, for administrators (who may read any)
                if (!caller.isAdmin()) {
                    throw ProblemException.forbidden("Only administrators see every document (box=all).");
                }
                yield new org.bson.BsonDocument();
            }
            case "department" -> {
                // 부서 문서함: every document drafted in the department the caller heads, whatever its line
                if (!caller.headsDepartment() || caller.department() == null) {
                    throw ProblemException.forbidden("Only a department head sees the documents of their department "
                            + "(box=department).");
                }
                yield eq("drafter.department", caller.department());
            }
            case "received" -> and(caller.departmentId() == null ? eq("receivers.id", caller.id())
                    : or(eq("receivers.id", caller.id()), eq("receivingDepartments.id", caller.departmentId())),
                    Filters.in("status", SENT));
            default -> eq("drafter.id", caller.id());
        });
        if (status != null) {
            all.add(eq("status", status));
        }
        if (q != null && !q.isBlank()) {
            String quoted = java.util.regex.Pattern.quote(q.strip());
            all.add(or(regex("title", quoted, "i"), regex("number", quoted, "i")));
        }
        if (type != null) {
            all.add(eq("type", type));
        }
        if (held != null) {
            // heldAt is a date while the active step is on hold, null or absent otherwise
            all.add(held ? Filters.type("heldAt", org.bson.BsonType.DATE_TIME)
                    : Filters.not(Filters.type("heldAt", org.bson.BsonType.DATE_TIME)));
        }
        java.time.LocalDate first = day(from, "from");
        java.time.LocalDate last = day(to, "to");
        if (first != null && last != null && first.isAfter(last)) {
            throw ProblemException.badRequest("`from` (" + from + ") is after `to` (" + to + "): no day is between them.",
                    List.of(new FieldError("from", "is after to")));
        }
        if (first != null) {
            all.add(Filters.gte("submittedAt", Date.from(first.atStartOfDay(calendarZone).toInstant())));
        }
        if (last != null) {
            all.add(lt("submittedAt", Date.from(last.plusDays(1).atStartOfDay(calendarZone).toInstant())));
        }
        PageCursor after = PageCursor.fromQuery(cursor, false);
        if (after != null) {
            Date at = Date.from(after.at());
            // the outer bound is implied by the $or; it is there for the query planner
            all.add(lte("submittedAt", at));
            all.add(or(lt("submittedAt", at), and(eq("submittedAt", at), lt("_id", after.id()))));
        }
        return and(all);
    }

    /** A day of a query (the contract checked its form); null when not given. */
    private static java.time.LocalDate day(String value, String parameter) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("`" + parameter + "` is not a day (yyyy-MM-dd): " + value,
                    List.of(new FieldError(parameter, "is not a date")));
        }
    }

    /** Newest first; the id orders documents submitted in the same millisecond, as the cursor expects. */
    public Bson newestFirst() {
        return Sorts.descending("submittedAt", "_id");
    }

    public Bson summaryFields() {
        return Projections.include("_id", "number", "type", "title", "status", "currentStep", "submittedAt", "updatedAt",
                "drafter", "heldAt");
    }

    /** How many documents to fetch for a page: one more than it holds, to know whether another page follows. */
    public int pageFetch(Integer limit) {
        return pageSize(limit) + 1;
    }

    /** A page from the documents fetched for it ({@link #pageFetch}). */
    public ApprovalList page(List<Document> docs, Integer limit) {
        int size = pageSize(limit);
        boolean more = docs.size() > size;
        List<Document> shown = more ? docs.subList(0, size) : docs;
        String next = null;
        if (more) {
            Document last = shown.get(size - 1);
            next = new PageCursor(last.getDate("submittedAt").toInstant(), last.getString("_id")).encode();
        }
        return new ApprovalList(shown.stream().map(d -> new ApprovalList.Summary(d.getString("_id"), d.getString("number"),
                d.getString("type"), d.getString("title"), d.getString("status"), d.getInteger("currentStep"),
                instant(d.getDate("submittedAt")), instant(d.getDate("updatedAt")),
                toPerson(d.get("drafter", Document.class)), instant(d.getDate("heldAt")))).toList(), next);
    }

    private static int pageSize(Integer limit) {
        // the contract bounds it; kept within them here too, so no value can make a page unbounded or empty
        return limit == null ? DEFAULT_PAGE : Math.max(1, Math.min(MAX_PAGE, limit));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Document person(Person p) {
        if (p == null) {
            return null;
        }
        return new Document("id", p.id()).append("name", p.name()).append("position", p.position())
                .append("department", p.department());
    }

    /** A 합의 step's agreers and their parts, from its progress once recorded, else as submitted; null on a 결재 step. */
    private static List<ApprovalDocument.Agreement> agreements(Document step) {
        List<Document> recorded = step.getList("agreements", Document.class);
        if (recorded != null) {
            return recorded.stream().map(a -> new ApprovalDocument.Agreement(toPerson(a.get("agreer", Document.class)),
                    a.getString("status"), instant(a.getDate("decidedAt")), a.getString("comment"),
                    toPerson(a.get("deputy", Document.class)))).toList();
        }
        List<Document> agreers = step.getList("agreers", Document.class);
        return agreers == null ? null : agreers.stream().map(a -> new ApprovalDocument.Agreement(toPerson(a),
                step.getString("status"), null, null, null)).toList();
    }

    /** The step's hold (보류) as recorded; null when it is not on hold. */
    private static ApprovalDocument.StepHold hold(Document hold) {
        return hold == null ? null : new ApprovalDocument.StepHold(instant(hold.getDate("at")), hold.getString("reason"),
                toPerson(hold.get("by", Document.class)));
    }

    static Person toPerson(Document d) {
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
