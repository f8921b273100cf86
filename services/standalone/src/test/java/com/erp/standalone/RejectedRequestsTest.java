package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the system refuses, and that a refused request changes nothing. */
class RejectedRequestsTest extends StandaloneTestBase {

    private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";

    private String submitted(String staff, String lead) {
        Response r = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "권한 시험"));
        String id = r.json().path("id").asText();
        eventually(() -> inboxIds(lead),
                ids -> ids.contains(id), "the document in the lead's inbox");
        // and its activation recorded on the document (from approval.step-activated, published after the inbox)
        eventually(() -> http.get("/api/approvals/" + id, staff).json().path("status").asText(),
                "IN_PROGRESS"::equals, "the document in progress");
        return id;
    }

    @Test
    void withoutATokenEverythingIs401() {
        assertProblem(http.post("/api/approvals", null, Map.of("type", "GENERAL", "title", "t")), 401);
        assertProblem(http.get("/api/inbox", null), 401);
        assertProblem(http.get("/api/notifications", null), 401);
        assertProblem(http.post("/api/approvals/00000000-0000-0000-0000-000000000000/decisions", null,
                Map.of("decision", "APPROVE")), 401);
        assertProblem(http.post("/api/approvals/00000000-0000-0000-0000-000000000000/withdrawal", null, Map.of()), 401);
        assertProblem(http.get("/api/employees/me", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), 401);
    }

    @Test
    void strangersAndApproversOutOfTurnCannotDecideAndChangeNothing() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String id = submitted(staff, lead);
        JsonNode before = http.get("/api/approvals/" + id, staff).json();

        Response stranger = http.post("/api/approvals/" + id + "/decisions", login("sales.head"), Map.of("decision", "APPROVE"));
        assertThat(assertProblem(stranger, 403).path("detail").asText()).contains("not an approver");
        Response early = http.post("/api/approvals/" + id + "/decisions", login("dev.head"), Map.of("decision", "APPROVE"));
        assertThat(assertProblem(early, 409).path("detail").asText()).contains("이서연");
        Response self = http.post("/api/approvals/" + id + "/decisions", staff, Map.of("decision", "APPROVE"));
        assertProblem(self, 403);

        assertThat(http.get("/api/approvals/" + id, staff).json()).isEqualTo(before);
        assertThat(inboxIds(lead)).contains(id);
        // someone outside the line may not read it either
        assertProblem(http.get("/api/approvals/" + id, login("sales.staff")), 403);
    }

    @Test
    void aBodyThatBreaksTheContractIs400NamingTheField() {
        String staff = login("dev.staff");
        JsonNode p = assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "")), 400);
        assertThat(p.path("errors").findValuesAsText("field")).containsExactly("/title");
        assertThat(p.path("detail").asText()).contains("/title");

        JsonNode decision = assertProblem(http.post("/api/approvals/00000000-0000-0000-0000-000000000000/decisions", staff,
                Map.of("decision", "OK")), 400);
        assertThat(decision.path("errors").findValuesAsText("field")).contains("/decision");

        JsonNode notJson = assertProblem(http.postRaw("/api/approvals", staff, "{\"title\":", "application/json"), 400);
        assertThat(notJson.path("detail").asText()).isNotBlank();
        assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "approverIds", List.of(99999))), 422);
    }

    @Test
    void aFinishedDocumentTakesNoMoreDecisions() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        String id = submitted(staff, lead);
        assertThat(http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(assertProblem(http.post("/api/approvals/" + id + "/decisions", head,
                Map.of("decision", "REJECT", "comment", "다시")), 409).path("detail").asText()).contains("already approved");
    }

    @Test
    void aJsonBodySentAsAFormIs415() {
        // curl -d sends application/x-www-form-urlencoded unless told otherwise
        String staff = login("dev.staff");
        String form = "application/x-www-form-urlencoded";
        Map<String, String> contracts = Map.of("/api/approvals", "approval-request-api.yaml",
                "/api/approvals/" + NO_SUCH_ID + "/decisions", "approval-processing-api.yaml",
                "/api/diagnostics/noop", "approval-request-api.yaml", "/api/notifications/read", "notification-api.yaml");
        contracts.forEach((path, contract) -> {
            Response r = http.postRaw(path, staff, "{\"decision\":\"APPROVE\"}", form);
            JsonNode p = assertProblem(r, 415);
            assertThat(p.path("type").asText()).isEqualTo("/problems/unsupported-media-type");
            assertThat(p.path("detail").asText()).as(path).contains("application/json");
            assertMatchesContract(contract, "POST", path, r);
        });
        Response login = http.postRaw("/api/auth/login", null,
                "{\"username\":\"dev.staff\",\"password\":\"" + PASSWORD + "\"}", form);
        assertProblem(login, 415);
        assertMatchesContract("employee-api.yaml", "POST", "/api/auth/login", login);
    }

    @Test
    void aBadPercentEscapeInTheQueryIs400NamingTheParameterAndLogsNoError() throws Exception {
        String staff = login("dev.staff");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            for (Map.Entry<String, String> request : Map.of("/api/approvals?x=%ZZ", "x",
                    "/api/notifications?limit=%ZZ", "limit", "/api/employees?ids=%ZZ", "ids").entrySet()) {
                // an HTTP client refuses such a URL; curl sends it
                List<String> r = http.raw("GET " + request.getKey() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + staff + "\r\n\r\n");
                assertThat(r.get(0)).as(request.getKey()).startsWith("HTTP/1.1 400");
                assertThat(r).anyMatch(h -> h.toLowerCase().startsWith("content-type: application/problem+json"));
                JsonNode p = HttpTestClient.JSON.readTree(r.get(r.size() - 1));
                assertThat(p.path("errors").findValuesAsText("field")).as(request.getKey()).containsExactly(request.getValue());
            }
        } finally {
            root.detachAppender(log);
        }
        // a client's mistake is not the server's error (the requests ran on Tomcat's and the REST pool's threads)
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR)
                .filteredOn(e -> e.getThreadName().startsWith("rest-") || e.getThreadName().startsWith("http-"))
                .isEmpty();
    }

    @Test
    void aJsonBodyThatIsNotUtf8Is400() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"type\":\"GENERAL\",\"title\":\"bad ".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe}); // never in UTF-8
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        Response r = http.send(http.request("/api/approvals", login("dev.staff")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        JsonNode p = assertProblem(r, 400);
        assertThat(p.path("errors").findValuesAsText("field")).containsExactly("body");
        assertThat(p.path("detail").asText()).contains("UTF-8");
    }

    @Test
    void anEmptyQueryParameterIs400NamingIt() {
        String staff = login("dev.staff");
        JsonNode ids = assertProblem(http.get("/api/employees?ids=", staff), 400);
        assertThat(ids.path("errors").findValuesAsText("field")).containsExactly("ids");
        JsonNode limit = assertProblem(http.get("/api/notifications?limit=", staff), 400);
        assertThat(limit.path("errors").findValuesAsText("field")).containsExactly("limit");
        assertThat(limit.path("detail").asText()).contains("empty").doesNotContain("required");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() {
        String staff = login("dev.staff");
        // announced by Content-Length: refused without "100 Continue", so the client never sends the 5 MB
        List<String> announced = http.raw("POST /api/approvals HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + staff + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000000\r\nExpect: 100-continue\r\n\r\n");
        assertThat(announced.get(0)).startsWith("HTTP/1.1 413");
        assertThat(announced.get(announced.size() - 1)).contains("/problems/content-too-large");

        // chunked, so the size shows only while reading: refused once it passes the limit (1 MB)
        byte[] body = ("{\"type\":\"GENERAL\",\"title\":\"" + "x".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Response chunked = http.send(http.request("/api/approvals", staff).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
        assertThat(assertProblem(chunked, 413).path("detail").asText()).contains("1048576 bytes");
        assertMatchesContract("approval-request-api.yaml", "POST", "/api/approvals", chunked);
    }

    @Test
    void aLongInvalidValueIsQuotedOnlyInPart() {
        String title = "x".repeat(900_000); // below the size limit, far above the title's 200
        Response r = http.post("/api/approvals", login("dev.staff"), Map.of("type", "GENERAL", "title", title));
        JsonNode p = assertProblem(r, 400);
        assertThat(p.path("errors").findValuesAsText("field")).containsExactly("/title");
        assertThat(r.body()).doesNotContain("x".repeat(101)).hasSizeLessThan(2_000);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsOfTheirKind() {
        String staff = login("dev.staff");
        for (String path : List.of("/api/approvals/" + NO_SUCH_ID + "/decisions", "/api/notifications/read")) {
            Response r = http.get(path, staff);
            assertThat(assertProblem(r, 405).path("type").asText()).isEqualTo("/problems/method-not-allowed");
            assertThat(r.header("Allow")).as(path).isEqualTo("POST");
        }
        for (String path : List.of("/api/approvals/" + NO_SUCH_ID + "/foo", "/api/inbox/x", "/api/employees/me/x",
                "/api/notifications/x", "/api/nope")) {
            JsonNode p = assertProblem(http.get(path, staff), 404);
            assertThat(p.path("type").asText()).as(path).isEqualTo("/problems/not-found");
            assertThat(p.path("detail").asText()).as(path).isEqualTo("There is nothing at " + path + ".");
        }
        // refused by Tomcat before the application (curl --path-as-is sends it so)
        List<String> nul = http.raw("GET /api/approvals/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(nul.get(0)).startsWith("HTTP/1.1 400");
        assertThat(nul).anyMatch(h -> h.toLowerCase().startsWith("content-type: application/problem+json"));
        assertThat(nul.get(nul.size() - 1)).contains("/problems/bad-request").doesNotContain("<html");
    }
}
