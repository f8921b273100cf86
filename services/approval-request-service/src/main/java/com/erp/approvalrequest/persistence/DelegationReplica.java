package com.erp.approvalrequest.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.not;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.Caller;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * approval-request's copy of the delegations (대결) employee-service publishes (bean {@code delegationReplica}),
 * collection {@code delegations}, one per approver (its id): the deputy of the approver whose step is active may read
 * the document they are to decide, though they are not on its line.
 */
public class DelegationReplica {

    private final Clock clock;
    private final ZoneId zone;

    public DelegationReplica(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The upsert that keeps the approver's delegation as the event says it now is (no deputy: ended), filtered to a
     * copy older than the event (or none, or one kept before revisions): one as new or newer is not matched, and the
     * upsert's insert then fails on its id (duplicate key), so an old event replayed or redelivered changes nothing.
     */
    public List<Bson> update(DelegationEvent event) {
        event.checked();
        Person deputy = event.deputy();
        return List.of(and(eq("_id", event.approver().id()), not(gte("revision", event.revision()))), Updates.combine(
                Updates.set("deputyId", deputy == null ? null : deputy.id()),
                // who they are, for the document's page (who decides the active step for whom today)
                Updates.set("deputy", deputy == null ? null : new Document("id", deputy.id()).append("name", deputy.name())
                        .append("position", deputy.position()).append("department", deputy.department())),
                Updates.set("startDate", event.startDate()), Updates.set("endDate", event.endDate()),
                Updates.set("revision", event.revision())));
    }

    /**
     * Whose delegations decide whether the caller may read the document, as a query of this collection: those of the
     * people who must decide its active step (its approver, or the agreers of a 합의 step who have not decided yet),
     * when the caller may not read it anyway; null when there is nothing to look up.
     */
    public Bson waitingAt(Document doc, Caller caller) {
        return doc == null || ApprovalDocuments.mayRead(doc, caller) ? null : pendingAt(doc);
    }

    /**
     * The delegations of the people who must decide the document's active step, as a query of this collection; null
     * when it is not in progress.
     */
    public Bson pendingAt(Document doc) {
        if (doc == null || !"IN_PROGRESS".equals(doc.getString("status")) || doc.getInteger("currentStep") == null) {
            return null;
        }
        List<Document> line = ApprovalDocuments.steps(doc);
        if (doc.getInteger("currentStep") > line.size()) {
            return null; // (a step a line change added, before the change itself is recorded)
        }
        Document step = line.get(doc.getInteger("currentStep") - 1);
        List<Long> pending = new ArrayList<>();
        Document approver = step.get("approver", Document.class);
        if (approver != null) {
            pending.add(id(approver));
        } else {
            for (Document a : step.getList("agreements", Document.class, List.of())) {
                if ("PENDING".equals(a.getString("status"))) {
                    pending.add(id(a.get("agreer", Document.class)));
                }
            }
        }
        return pending.isEmpty() ? null : in("_id", pending);
    }

    private static long id(Document person) {
        return person.get("id", Number.class).longValue();
    }

    /**
     * Who decides for whom today, of {@code delegations} (the pending people's, {@link #pendingAt}): approver id to
     * deputy (대결, or the successor of someone who left: 인수). A delegation kept before deputies were named in the copy
     * is left out (the next change of it names them).
     */
    public Map<Long, Person> standIns(List<Document> delegations) {
        Map<Long, Person> standIns = new java.util.LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (Document d : delegations == null ? List.<Document>of() : delegations) {
            Document deputy = d.get("deputy", Document.class);
            if (deputy != null && d.get("deputyId") != null && covers(d, today)) {
                standIns.put(d.get("_id", Number.class).longValue(), ApprovalDocuments.toPerson(deputy));
            }
        }
        return standIns;
    }

    private static boolean covers(Document delegation, LocalDate day) {
        return !day.isBefore(LocalDate.parse(delegation.getString("startDate")))
                && !day.isAfter(LocalDate.parse(delegation.getString("endDate")));
    }

    /** Whether one of the stored delegations makes the caller its approver's deputy today. */
    public boolean delegatesTo(List<Document> delegations, Caller caller) {
        return delegations != null && delegations.stream().anyMatch(d -> delegatesTo(d, caller));
    }

    private boolean delegatesTo(Document delegation, Caller caller) {
        if (delegation == null || delegation.get("deputyId") == null) {
            return false;
        }
        return delegation.get("deputyId", Number.class).longValue() == caller.id()
                && covers(delegation, LocalDate.now(clock.withZone(zone)));
    }
}
