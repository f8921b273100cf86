package com.erp.approvalrequest.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.erp.approvalrequest.api.Attachment;
import com.erp.approvalrequest.api.AttachmentUpload;
import com.erp.approvalrequest.domain.Submissions.NewApproval;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * 첨부파일 (bean {@code attachments}): files kept in MongoDB's {@code attachments} collection, one document each (the
 * bytes, the uploader, name, type, size and digest). Uploaded first, the uploader's alone; a submission names them
 * ({@code attachmentIds}) and the document keeps their name, type and size; who may read the document may download
 * them. A file is never changed: a document always shows what was sent with it.
 */
public class Attachments {

    /** Types told by a file name's extension; others are application/octet-stream. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("zip", "application/zip"),
            Map.entry("hwp", "application/x-hwp"), Map.entry("hwpx", "application/hwp+zip"),
            Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

    private final Clock clock;
    private final long maxBytes;
    private final long dailyBytes;
    private final java.time.Duration keepUnsubmitted;
    private final java.time.Duration marksCheckedAfter;

    /**
     * @param maxBytes          the largest file kept
     * @param dailyBytes        the most bytes one person uploads within a day
     * @param keepUnsubmitted   how long a file uploaded waits for a submission that names it before it may be removed
     * @param marksCheckedAfter how long after a file is marked the cleanup looks whether the draft or document that
     *                          marked it was stored (far longer than a request takes between the mark and the store)
     */
    public Attachments(Clock clock, long maxBytes, long dailyBytes, java.time.Duration keepUnsubmitted,
                       java.time.Duration marksCheckedAfter) {
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.dailyBytes = dailyBytes;
        this.keepUnsubmitted = keepUnsubmitted;
        this.marksCheckedAfter = marksCheckedAfter;
    }

    /** The file to store: its bytes, who uploaded it, and what it is called (a path cut to its last part). */
    public Document upload(Caller caller, AttachmentUpload upload) {
        byte[] bytes = upload.content();
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.unprocessable("The file is empty.");
        }
        if (bytes.length > maxBytes) {
            throw ProblemException.unprocessable("The file has " + bytes.length + " bytes; at most " + maxBytes
                    + " are kept.");
        }
        String file = fileName(upload.name());
        return new Document("_id", UUID.randomUUID().toString())
                .append("owner", caller.id())
                .append("name", file)
                .append("contentType", typeOf(file))
                .append("size", (long) bytes.length)
                .append("sha256", sha256(bytes))
                .append("uploadedAt", Date.from(clock.instant()))
                .append("data", new Binary(bytes));
    }

    /** The last part of a path, without control characters; 400 when nothing is left of it. */
    static String fileName(String name) {
        String last = name == null ? "" : name.replace('\\', '/');
        // no control, format (e.g. a right-to-left override that would show "exe.pdf" for "pdf.exe") or line characters
        last = last.substring(last.lastIndexOf('/') + 1).replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        if (last.isEmpty() || last.equals(".") || last.equals("..")) {
            throw ProblemException.badRequest("The file needs a name (`name`), e.g. receipt.pdf.", List.of(
                    new com.erp.routes.common.web.FieldError("name", "is not a file name")));
        }
        return last;
    }

    static String typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream"
                : TYPES.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    public Attachment view(Document file) {
        return new Attachment(file.getString("_id"), file.getString("name"), file.getString("contentType"),
                file.get("size", Number.class).longValue());
    }

    /** The caller's own files among these ids. */
    public Bson owned(Caller caller, List<String> ids) {
        return and(in("_id", ids), eq("owner", caller.id()));
    }

    /** All but the bytes. */
    public Bson summaryFields() {
        return Projections.exclude("data");
    }

    /**
     * The files a submission names, in its order, as the document keeps them; 422 when one is not the caller's (or
     * does not exist).
     */
    public List<Document> chosen(List<String> ids, List<Document> found) {
        Map<String, Document> byId = new LinkedHashMap<>();
        found.forEach(f -> byId.put(f.getString("_id"), f));
        List<String> unknown = ids.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("No file " + unknown + " of yours to attach: upload it first "
                    + "(POST /api/attachments).");
        }
        return ids.stream().map(byId::get).map(f -> new Document("id", f.getString("_id"))
                .append("name", f.getString("name")).append("contentType", f.getString("contentType"))
                .append("size", f.get("size", Number.class).longValue())).toList();
    }

    /**
     * The id of a file on the document, for one who may read it ({@link ApprovalDocuments#mayRead}, or the deputy of
     * someone it waits on); 404 when the document has no such file.
     */
    public String onDocument(Document doc, Caller caller, Boolean deputy, String attachmentId) {
        if (doc == null) {
            throw ProblemException.notFound("No such document.");
        }
        if (!ApprovalDocuments.mayRead(doc, caller) && !Boolean.TRUE.equals(deputy)) {
            throw ProblemException.forbidden("Only those who may read the document may download its files.");
        }
        boolean there = doc.getList("attachments", Document.class, List.of()).stream()
                .anyMatch(a -> attachmentId.equals(a.getString("id")));
        if (!there) {
            throw ProblemException.notFound("The document has no file " + attachmentId + ".");
        }
        return attachmentId;
    }

    // ---- files never submitted -------------------------------------------------------------------------------

    /** How many files a person may upload in a day (what waits for a submission, or was submitted since). */
    public static final int DAILY_UPLOADS = 50;

    /** The caller's files uploaded within the last day. */
    public Bson recentUploadsOf(Caller caller) {
        return and(eq("owner", caller.id()),
                Filters.gte("uploadedAt", Date.from(clock.instant().minus(java.time.Duration.ofDays(1)))));
    }

    /** Of the caller's recent uploads, only their sizes. */
    public Bson sizeField() {
        return Projections.include("size");
    }

    /**
     * 429 once the caller uploaded {@value #DAILY_UPLOADS} files within a day, or when this one would take their day's
     * uploads past the bytes a day allows.
     */
    public void roomFor(List<Document> recent, AttachmentUpload upload) {
        if (recent.size() >= DAILY_UPLOADS) {
            throw ProblemException.tooManyRequests("You uploaded " + DAILY_UPLOADS + " files within the last day, the "
                    + "most a day allows; try again later.", 3600);
        }
        long used = recent.stream().map(f -> f.get("size", Number.class)).filter(java.util.Objects::nonNull)
                .mapToLong(Number::longValue).sum();
        long size = upload.content() == null ? 0 : upload.content().length;
        if (used + size > dailyBytes) {
            throw ProblemException.tooManyRequests("You uploaded " + used + " bytes within the last day; with this file's "
                    + size + " that would be more than the " + dailyBytes + " a day allows; try again later.", 3600);
        }
    }

    /**
     * The files a submission names, marked as submitted ({@code attachedTo}, which the cleanup's index leaves out) and
     * as carried by its document ({@code documents}: the ids of the documents that do; one file may go with several).
     */
    public List<Bson> submitted(Caller caller, List<String> ids, String documentId) {
        return List.of(owned(caller, ids), Updates.combine(Updates.set("attachedTo", true),
                Updates.addToSet("documents", documentId), markedNow()));
    }

    /**
     * The files of a document that was taken back before anyone saw it (the sync path's 503: nothing was submitted):
     * no longer carried by it, and no longer marked as submitted once no document carries them, so they go like any
     * file not submitted unless a draft keeps them. One round trip (an ordered bulk write).
     */
    public List<WriteModel<Document>> releasedFromDocument(String documentId, List<String> ids) {
        return List.of(new UpdateManyModel<>(and(in("_id", ids), eq("documents", documentId)),
                        Updates.pull("documents", documentId)),
                new UpdateManyModel<>(and(in("_id", ids), Filters.size("documents", 0)),
                        Updates.unset("attachedTo")));
    }

    /** The files a draft keeps (임시저장), marked as kept by it ({@code drafts}: the ids of the drafts that do). */
    public List<Bson> keptIn(Caller caller, List<String> ids, String draftId) {
        return List.of(owned(caller, ids), Updates.combine(Updates.addToSet("drafts", draftId), markedNow()));
    }

    /**
     * A file is marked before the draft or document that marks it is stored, so a store that then fails (or a draft
     * deleted while it was saved, or the second of two submissions with one Idempotency-Key) leaves a mark naming
     * nothing, which would keep the file for good: {@code markedAt} tells the cleanup to look ({@link #marksDue}).
     */
    private Bson markedNow() {
        return Updates.set("markedAt", Date.from(clock.instant()));
    }

    /** Files marked long enough ago that what marked them is stored by now, if it ever will be. */
    public Bson marksDue() {
        return Filters.lt("markedAt", Date.from(clock.instant().minus(marksCheckedAfter)));
    }

    /** Of a file, what the cleanup looks at: the marks and when they were set. */
    public Bson markFields() {
        return Projections.include("_id", "drafts", "documents", "markedAt");
    }

    /** The drafts ({@code field} "drafts") or documents ("documents") these files' marks name, by id. */
    public Bson named(List<Document> files, String field) {
        return in("_id", files.stream().flatMap(f -> f.getList(field, String.class, List.of()).stream()).distinct()
                .toList());
    }

    /** Only the ids. */
    public Bson idField() {
        return Projections.include("_id");
    }

    /**
     * Each file's marks naming no stored draft or document taken off, and its {@code markedAt} with them unless a new
     * mark came meanwhile (then it is looked at again later); a file no document carries any more is no longer marked
     * as submitted, so it goes like any file not submitted unless a draft keeps it.
     *
     * @param drafts    the drafts of those the files name that are stored
     * @param documents the documents of those the files name that are stored
     */
    public List<WriteModel<Document>> marksChecked(List<Document> files, List<Document> drafts,
                                                   List<Document> documents) {
        java.util.Set<Object> liveDrafts = drafts.stream().map(d -> d.get("_id")).collect(java.util.stream.Collectors.toSet());
        java.util.Set<Object> liveDocuments = documents.stream().map(d -> d.get("_id"))
                .collect(java.util.stream.Collectors.toSet());
        List<WriteModel<Document>> writes = new java.util.ArrayList<>();
        for (Document f : files) {
            List<String> goneDrafts = f.getList("drafts", String.class, List.of()).stream()
                    .filter(id -> !liveDrafts.contains(id)).toList();
            List<String> goneDocuments = f.getList("documents", String.class, List.of()).stream()
                    .filter(id -> !liveDocuments.contains(id)).toList();
            List<Bson> update = new java.util.ArrayList<>(List.of(Updates.unset("markedAt")));
            if (!goneDrafts.isEmpty()) {
                update.add(Updates.pullAll("drafts", goneDrafts));
            }
            if (!goneDocuments.isEmpty()) {
                update.add(Updates.pullAll("documents", goneDocuments));
            }
            writes.add(new com.mongodb.client.model.UpdateOneModel<>(
                    and(eq("_id", f.get("_id")), eq("markedAt", f.get("markedAt"))), Updates.combine(update)));
        }
        writes.add(new UpdateManyModel<>(and(in("_id", files.stream().map(f -> f.get("_id")).toList()),
                Filters.exists("attachedTo"), Filters.size("documents", 0)), Updates.unset("attachedTo")));
        return writes;
    }

    /**
     * The files these drafts (removed) kept, due for the cleanup's look at their marks; not those marked meanwhile
     * (a submission of the draft, say), whose look waits its time and finds these drafts gone then too.
     */
    public List<Bson> dueForCheck(List<Object> draftIds) {
        return List.of(and(in("drafts", draftIds), Filters.exists("markedAt", false)),
                Updates.set("markedAt", new Date(0)));
    }

    /** The mark a submission ({@code draftId} null; its document's id) or a draft saving these files sets. */
    public List<Bson> mark(Caller caller, List<String> ids, String draftId, NewApproval submission) {
        return draftId == null ? submitted(caller, ids, submission.id()) : keptIn(caller, ids, draftId);
    }

    /**
     * The files a draft kept but keeps no more ({@code kept}: those it still keeps; null when it is deleted): no longer
     * marked by it, so they go like any file not submitted once no other draft keeps them.
     */
    public List<Bson> releasedFrom(String draftId, List<String> kept) {
        Bson theirs = eq("drafts", draftId);
        return List.of(kept == null || kept.isEmpty() ? theirs : and(theirs, Filters.nin("_id", kept)),
                Updates.pull("drafts", draftId));
    }

    /** 422 when a file the submission names was removed meanwhile (found a moment before, not marked now). */
    public void allMarked(List<String> ids, Long matched) {
        if (matched == null || matched < ids.size()) {
            throw ProblemException.unprocessable("A file to attach was removed meanwhile (a file not submitted within "
                    + keepUnsubmitted.toHours() + " hours is not kept): upload it again.");
        }
    }

    /** Files never submitted nor kept by a draft, older than a submission may take. */
    public Bson unsubmitted() {
        return and(Filters.exists("attachedTo", false),
                Filters.or(Filters.exists("drafts", false),
                        Filters.size("drafts", 0)),
                Filters.lt("uploadedAt", Date.from(clock.instant().minus(keepUnsubmitted))));
    }

    /** The file's bytes; 404 if it is gone. */
    public byte[] bytes(Document file) {
        if (file == null) {
            throw ProblemException.notFound("The file is no longer kept.");
        }
        return file.get("data", Binary.class).getData();
    }

    /**
     * The type to answer with: the file's own, unless it would be taken for JSON by the REST binding (which would
     * re-encode it) or for a page to run (HTML, XML and SVG): those are sent as bytes. Told by the subtype, so Office's
     * types (vnd.openxmlformats-...) keep theirs.
     */
    public String responseType(Document file) {
        String type = file.getString("contentType");
        String essence = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String subtype = essence.substring(essence.indexOf('/') + 1);
        boolean sentAsBytes = !essence.contains("/") || subtype.contains("html") || subtype.contains("javascript")
                || subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("xml") || subtype.endsWith("+xml");
        return sentAsBytes ? "application/octet-stream" : type;
    }

    /** Download as this name, in UTF-8 (RFC 6266), with an ASCII fallback. */
    public String disposition(Document file) {
        String name = file.getString("name");
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + extValue(name);
    }

    /** RFC 8187's value-chars: attr-chars as they are, every other UTF-8 byte %-encoded (URLEncoder leaves "*"). */
    static String extValue(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
