package com.erp.approvalrequest.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.erp.approvalrequest.api.Attachment;
import com.erp.approvalrequest.api.Draft;
import com.erp.approvalrequest.api.DraftList;
import com.erp.approvalrequest.api.DraftRequest;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * 임시저장 (bean {@code drafts}): each person's drafts, in the collection {@code drafts}, theirs alone. Every query
 * names the owner, so someone else's draft is never found (404, as one that does not exist: nothing about it is
 * told). Nothing is checked but the shape the contract gives, and that the files kept with it are the owner's
 * ({@link Attachments#keptIn}); a draft is submitted as any document is.
 */
public class Drafts {

    /** The most drafts one person keeps. */
    public static final int MAX_PER_PERSON = 50;

    private final Clock clock;
    private final ObjectMapper json;
    private final java.time.Duration kept;

    /** @param kept how long a draft not saved again is kept */
    public Drafts(Clock clock, ObjectMapper json, java.time.Duration kept) {
        this.clock = clock;
        this.json = json;
        this.kept = kept;
    }

    // ---- drafts not saved for long --------------------------------------------------------------------------

    /** Drafts not saved within the time a draft is kept. */
    public Bson expired() {
        return Filters.lt("savedAt", Date.from(clock.instant().minus(kept)));
    }

    /** The ids of these drafts. */
    public List<Object> ids(List<Document> drafts) {
        return drafts.stream().map(d -> d.get("_id")).toList();
    }

    /** Those of these drafts still not saved within the time (one saved meanwhile stays). */
    public Bson expiredAmong(List<Object> ids) {
        return Filters.and(Filters.in("_id", ids), expired());
    }

    public Bson mine(Caller caller) {
        return eq("owner", caller.id());
    }

    /** One draft of the caller's: the criteria that find it only if it is theirs. */
    public Bson theirs(Caller caller, String draftId) {
        return and(eq("_id", draftId), eq("owner", caller.id()));
    }

    /** Refuses a new draft when the caller keeps as many as they may (two at the same moment may pass: one over). */
    public void roomFor(Long kept) {
        if (kept != null && kept >= MAX_PER_PERSON) {
            throw ProblemException.conflict("You keep " + MAX_PER_PERSON + " drafts, the most there may be; delete some "
                    + "(or submit them) first.");
        }
    }

    /** A new draft's id: its files are marked as kept by it before it is stored. */
    public String newId() {
        return UUID.randomUUID().toString();
    }

    /** @param attachments the files kept with it, as {@link Attachments#chosen} gives them */
    public Document newDraft(Caller caller, DraftRequest request, String id, List<Document> attachments) {
        return fields(new Document("_id", id).append("owner", caller.id()), request, attachments);
    }

    public String location(Document draft) {
        return "/api/drafts/" + draft.getString("_id");
    }

    /** The update that saves a draft again: the filter (only the caller's), then the new content. */
    public List<Bson> replacement(Caller caller, String draftId, DraftRequest request, List<Document> attachments) {
        Document saved = fields(new Document(), request, attachments);
        return List.of(theirs(caller, draftId), Updates.combine(
                Updates.set("type", saved.get("type")), Updates.set("title", saved.get("title")),
                Updates.set("form", saved.get("form")), Updates.set("attachments", saved.get("attachments")),
                Updates.set("savedAt", saved.get("savedAt"))));
    }

    private Document fields(Document d, DraftRequest request, List<Document> attachments) {
        return d.append("type", request.type())
                .append("attachments", attachments == null ? List.of() : attachments)
                .append("title", request.title() == null ? "" : request.title().strip())
                // as JSON text: whatever the client keeps (keys with '.' or '$', numbers past 64 bits) is kept as sent
                .append("form", toJson(request.form() == null ? Map.of() : request.form()))
                .append("savedAt", Date.from(clock.instant()));
    }

    /** 404 when the update or removal found nothing of the caller's. */
    public void found(Long matched) {
        if (matched == null || matched == 0) {
            throw ProblemException.notFound("You have no such draft.");
        }
    }

    /** The ids of the files a stored draft keeps (empty when none, or when it is gone). */
    public List<String> fileIds(Document d) {
        return d == null ? List.of() : d.getList("attachments", Document.class, List.of()).stream()
                .map(a -> a.getString("id")).toList();
    }

    public Draft view(Document d) {
        if (d == null) {
            throw ProblemException.notFound("You have no such draft.");
        }
        List<Attachment> files = d.getList("attachments", Document.class, List.of()).stream()
                .map(a -> new Attachment(a.getString("id"), a.getString("name"), a.getString("contentType"),
                        a.get("size", Number.class).longValue())).toList();
        return new Draft(d.getString("_id"), d.getString("type"), d.getString("title"), fromJson(d.getString("form")),
                files.isEmpty() ? null : files, instant(d.getDate("savedAt")));
    }

    public Bson lastSavedFirst() {
        return Sorts.descending("savedAt", "_id");
    }

    public Bson summaryFields() {
        return Projections.include("_id", "type", "title", "savedAt");
    }

    public DraftList list(List<Document> drafts) {
        return new DraftList(drafts.stream().map(d -> new DraftList.Summary(d.getString("_id"), d.getString("type"),
                d.getString("title"), instant(d.getDate("savedAt")))).toList());
    }

    private String toJson(Map<String, Object> form) {
        try {
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> fromJson(String form) {
        if (form == null) {
            return Map.of();
        }
        try {
            return json.readValue(form, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
