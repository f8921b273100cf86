package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.model.Filters;
import org.apache.camel.builder.NotifyBuilder;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Escalation on the real broker and MongoDB-wire server: a reminder approval-processing escalated lets the superiors it
 * names read the document (and comment), once each however often it is delivered; a reminder that did not escalate
 * lets nobody new in.
 */
class EscalationRouteTest extends ApprovalRequestRouteTestBase {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private ReminderEvent reminder(String id, List<com.erp.routes.common.events.Person> escalatedTo) {
        return new ReminderEvent(UUID.randomUUID().toString(), ReminderEvent.VERSION, Instant.now(), id, "상위자 문서",
                DRAFTER, 1, 2, List.of(LEAD), null, Instant.now().minusSeconds(3600), 40, null, null, true, escalatedTo);
    }

    @Test
    void theSuperiorsAnEscalationNamesReadTheDocumentOnce() throws Exception {
        Response submitted = http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "상위자 문서",
                "approverIds", List.of(LEAD.id(), HEAD.id())));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        String id = submitted.json().path("id").asText();
        assertProblem(http.get("/api/approvals/" + id, token(OTHER)), 403);

        // a reminder that did not escalate, then one that did, twice (a redelivery), then a later one naming them again
        // after a move (the same person, another department)
        NotifyBuilder recorded = new NotifyBuilder(camel).fromRoute("approval-request.escalations").whenCompleted(4)
                .create();
        kafka.send("approval.reminded", id, JSON.writeValueAsString(reminder(id, null)));
        ReminderEvent escalated = reminder(id, List.of(OTHER));
        kafka.send("approval.reminded", id, JSON.writeValueAsString(escalated));
        kafka.send("approval.reminded", id, JSON.writeValueAsString(escalated));
        kafka.send("approval.reminded", id, JSON.writeValueAsString(reminder(id, List.of(
                new com.erp.routes.common.events.Person(OTHER.id(), OTHER.name(), "DEPT_HEAD", "옮긴 부서")))));
        assertThat(recorded.matches(30, TimeUnit.SECONDS)).isTrue();

        await(() -> http.get("/api/approvals/" + id, token(OTHER)).status() == 200);
        Response view = http.get("/api/approvals/" + id, token(OTHER));
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, view);
        assertThat(view.json().path("escalatedTo").findValuesAsText("name")).containsExactly(OTHER.name());
        assertThat(http.post("/api/approvals/" + id + "/comments", token(OTHER), Map.of("text", "확인 부탁합니다"))
                .status()).isEqualTo(201);
        // 상위자 통보 문서: in their box, not in the drafter's
        Response box = http.get("/api/approvals?box=escalated", token(OTHER));
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals", box);
        assertThat(box.json().path("items").findValuesAsText("title")).contains("상위자 문서");
        assertThat(http.get("/api/approvals?box=escalated", token(DRAFTER)).json().path("items").size()).isZero();
        // kept once
        Document stored = approvals().find(Filters.eq("_id", id)).first();
        assertThat(stored.getList("escalatedTo", Document.class)).hasSize(1);
    }
}
