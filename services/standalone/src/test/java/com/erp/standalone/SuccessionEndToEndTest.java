package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 인수 through the whole system: a document waits on someone who then leaves. With a successor named at the departure
 * (or after it), employee-service tells approval-processing and approval-request as it tells a delegation; the
 * successor then finds the step in their inbox, reads the document and decides it for the one who left, and the
 * document goes on. Nobody else may.
 */
class SuccessionEndToEndTest extends StandaloneTestBase {

    @Autowired
    MongoClient mongo;

    private record Hire(long id, String name, String token) {
    }

    private Hire hire(String admin, String prefix) {
        JsonNode dev = null;
        for (JsonNode d : http.get("/api/departments", admin).json()) {
            if ("DEV".equals(d.path("code").asText())) {
                dev = d;
            }
        }
        assertThat(dev).isNotNull();
        String username = prefix + "." + Long.toString(System.nanoTime(), 36);
        // an executive: whom a drafter may name alone to decide a document (결재권한), as the test's drafter does
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "name", "인수 " + username.substring(username.length() - 4),
                "departmentId", dev.path("id").asLong(), "teamId", dev.path("teams").get(0).path("id").asLong(),
                "position", "EXECUTIVE"));
        Response hired = http.post("/api/employees", admin, body);
        assertThat(hired.status()).as("%s", hired).isEqualTo(201);
        Response login = http.post("/api/auth/login", null, Map.of("username", username,
                "password", hired.json().path("temporaryPassword").asText()));
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        return new Hire(hired.json().path("employee").path("id").asLong(), hired.json().path("employee").path("name").asText(),
                login.json().path("accessToken").asText());
    }

    private String submitTo(String drafter, long approverId, String title) {
        Response submitted = http.post("/api/approvals", drafter, Map.of("type", "GENERAL", "title", title,
                "approverIds", List.of(approverId)));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        return submitted.json().path("id").asText();
    }

    @Test
    void theSuccessorOfSomeoneWhoLeftDecidesWhatWaitsOnThem() {
        String admin = login("admin");
        String staff = login("dev.staff");
        String outsider = login("sales.staff");
        Hire leaving = hire(admin, "leaving");
        Hire later = hire(admin, "leaving");
        Hire successor = hire(admin, "successor");

        String waiting = submitTo(staff, leaving.id(), "퇴사 전 기안");
        eventually(() -> inboxItem(leaving.token(), waiting), i -> i != null, "the step in the leaver's inbox");
        assertProblem(http.post("/api/approvals/" + waiting + "/decisions", successor.token(),
                Map.of("decision", "APPROVE")), 403);

        Response left = http.post("/api/employees/" + leaving.id() + "/departure", admin,
                Map.of("reason", "이직", "successorId", successor.id()));
        assertThat(left.status()).as("%s", left).isEqualTo(200);
        assertThat(left.json().path("successor").path("id").asLong()).isEqualTo(successor.id());

        // the step reaches the successor, as the one who left's
        JsonNode item = eventually(() -> inboxItem(successor.token(), waiting), i -> i != null,
                "the leaver's step in the successor's inbox");
        assertThat(item.path("onBehalfOf").path("id").asLong()).isEqualTo(leaving.id());
        eventually(() -> http.get("/api/approvals/" + waiting, successor.token()).status(), s -> s == 200,
                "the successor reads it");
        // the drafter's page says who decides in the leaver's place
        Response shown = http.get("/api/approvals/" + waiting, staff);
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + waiting, shown);
        assertThat(shown.json().path("standIns")).hasSize(1);
        assertThat(shown.json().path("standIns").get(0).path("approver").path("id").asLong()).isEqualTo(leaving.id());
        assertThat(shown.json().path("standIns").get(0).path("deputy").path("id").asLong()).isEqualTo(successor.id());
        assertProblem(http.post("/api/approvals/" + waiting + "/decisions", outsider, Map.of("decision", "APPROVE")), 403);

        Response decided = http.post("/api/approvals/" + waiting + "/decisions", successor.token(),
                Map.of("decision", "APPROVE", "comment", "퇴사자 인수 결재"));
        assertThat(decided.status()).as("%s", decided).isEqualTo(200);
        Response doc = eventually(() -> http.get("/api/approvals/" + waiting, staff),
                r -> "APPROVED".equals(r.json().path("status").asText()), "the document approved");
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + waiting, doc);
        JsonNode step = doc.json().path("line").get(0);
        assertThat(step.path("approver").path("id").asLong()).isEqualTo(leaving.id());
        assertThat(step.path("deputy").path("id").asLong()).isEqualTo(successor.id());
        assertThat(doc.json().has("standIns")).as("nobody to stand in for once it is decided").isFalse();

        // someone who left without one: their document waits until an administrator names a successor
        String orphan = submitTo(staff, later.id(), "인수자 없는 퇴사");
        eventually(() -> inboxItem(later.token(), orphan), i -> i != null, "the step in the second leaver's inbox");
        assertThat(http.post("/api/employees/" + later.id() + "/departure", admin, Map.of()).status()).isEqualTo(200);
        assertThat(inboxItem(successor.token(), orphan)).isNull();
        assertThat(http.get("/api/approvals/" + orphan, staff).json().has("standIns")).isFalse();
        // the drafter named successor would not decide their own document: not shown as standing in
        long drafterId = idOf(staff);
        assertThat(http.put("/api/employees/" + later.id() + "/successor", admin, Map.of("successorId", drafterId))
                .status()).isEqualTo(200);
        // once approval-request's copy of the delegations has it
        eventually(() -> mongo.getDatabase("erp").getCollection("delegations").find(new Document("_id", later.id()))
                .first(), d -> d != null && d.get("deputyId", Number.class) != null
                && d.get("deputyId", Number.class).longValue() == drafterId, "the copy names the drafter");
        assertThat(http.get("/api/approvals/" + orphan, staff).json().has("standIns")).isFalse();
        // refused as the drafter once processing has the delegation too (before, as nobody on the line)
        eventually(() -> assertProblem(http.post("/api/approvals/" + orphan + "/decisions", staff,
                Map.of("decision", "APPROVE")), 403).path("detail").asText(), d -> d.contains("You drafted this document"),
                "the drafter refused as the drafter");
        // by now processing has the departure too: the first leaver's successor was not given the second's step
        assertThat(inboxItem(successor.token(), orphan)).isNull();
        Response named = http.put("/api/employees/" + later.id() + "/successor", admin,
                Map.of("successorId", successor.id()));
        assertThat(named.status()).as("%s", named).isEqualTo(200);
        eventually(() -> inboxItem(successor.token(), orphan), i -> i != null, "the named successor's inbox");
        Response second = http.post("/api/approvals/" + orphan + "/decisions", successor.token(),
                Map.of("decision", "REJECT", "comment", "재기안 바랍니다"));
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        eventually(() -> http.get("/api/approvals/" + orphan, staff).json().path("status").asText(),
                s -> s.equals("REJECTED"), "the second document rejected");
    }
}
