package com.erp.routes.common.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.web.ProblemException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a submission's caller is told when employee-service does not give the approval line: never a 500. The
 * other side is a real HTTP server on 127.0.0.1 answering as employee-service does in each state.
 */
class HttpEmployeeDirectoryTest {

    private HttpServer server;

    private HttpEmployeeDirectory answering(int status, String body, String retryAfter) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return new HttpEmployeeDirectory(() -> "http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static ProblemException refusal(HttpEmployeeDirectory directory) {
        return catchThrowableOfType(ProblemException.class, () -> directory.defaultLine(1001, "token"));
    }

    @Test
    void theDepartmentsNamedWithTheirHeadsUnknownOnesLeftOut() throws IOException {
        HttpEmployeeDirectory directory = answering(200, "[{\"id\":1,\"code\":\"DEV\",\"name\":\"개발본부\",\"teams\":[]},"
                + "{\"id\":2,\"code\":\"SALES\",\"name\":\"영업본부\",\"head\":{\"id\":1006,\"name\":\"강도윤\","
                + "\"position\":\"DEPT_HEAD\",\"department\":\"영업본부\"},\"teams\":[]}]", null);
        assertThat(directory.departments(List.of(2L, 99L, 1L), "token")).containsExactly(
                new ReceivingDepartment(2, "영업본부", new Person(1006, "강도윤", "DEPT_HEAD", "영업본부")),
                new ReceivingDepartment(1, "개발본부", null));
        assertThat(directory.departments(List.of(), "token")).isEmpty();
    }

    @Test
    void aDepartmentMadeSinceTheListWasKeptIsAskedForAgain() throws IOException {
        java.util.concurrent.atomic.AtomicReference<String> chart = new java.util.concurrent.atomic.AtomicReference<>(
                "[{\"id\":1,\"code\":\"DEV\",\"name\":\"개발본부\",\"teams\":[]}]");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.incrementAndGet();
            byte[] bytes = chart.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        HttpEmployeeDirectory directory = new HttpEmployeeDirectory(
                () -> "http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofMinutes(1));
        assertThat(directory.departments(List.of(1L), "token")).extracting(ReceivingDepartment::name).containsExactly("개발본부");
        assertThat(directory.departments(List.of(1L), "token")).hasSize(1);
        assertThat(asked.get()).as("kept for a while").isEqualTo(1);

        chart.set("[{\"id\":1,\"code\":\"DEV\",\"name\":\"개발본부\",\"teams\":[]},"
                + "{\"id\":3,\"code\":\"NEW\",\"name\":\"신사업본부\",\"teams\":[]}]");
        // no sooner than a few seconds after the last read: made-up ids do not each read the whole org chart
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        directory.nanoTime = now::get;
        assertThat(directory.departments(List.of(3L), "token")).isEmpty();
        assertThat(asked.get()).isEqualTo(1);
        now.addAndGet(CachingEmployeeDirectory.UNKNOWN_REREAD_AFTER.toNanos());
        assertThat(directory.departments(List.of(3L), "token")).extracting(ReceivingDepartment::name).containsExactly("신사업본부");
        assertThat(asked.get()).isEqualTo(2);
        for (long madeUp = 100; madeUp < 110; madeUp++) {
            assertThat(directory.departments(List.of(madeUp), "token")).isEmpty();
        }
        assertThat(asked.get()).as("made-up ids read it no more than once in a while").isEqualTo(2);
    }

    @Test
    void theLineAsEmployeeServiceGivesIt() throws IOException {
        HttpEmployeeDirectory directory = answering(200,
                "{\"approvers\":[{\"id\":1002,\"name\":\"이서연\",\"position\":\"TEAM_LEAD\",\"department\":\"개발\"}]}", null);
        assertThat(directory.defaultLine(1001, "token")).containsExactly(new Person(1002, "이서연", "TEAM_LEAD", "개발"));
    }

    @Test
    void sheddingLoadOrFailingIs503WithItsRetryAfter() throws IOException {
        ProblemException shed = refusal(answering(503, "{\"status\":503,\"detail\":\"overloaded\"}", "2"));
        assertThat(shed.status()).isEqualTo(503);
        assertThat(shed.retryAfterSeconds()).isEqualTo(2);
        assertThat(shed.getMessage()).contains("overloaded").contains("nothing was submitted or changed");
        stop();
        ProblemException broken = refusal(answering(500, "", null));
        assertThat(broken.status()).isEqualTo(503);
        assertThat(broken.retryAfterSeconds()).isEqualTo(CachingEmployeeDirectory.RETRY_AFTER_SECONDS);
    }

    @Test
    void aRefusedTokenIs401AndSomeoneNotInTheOrgChart422() throws IOException {
        assertThat(refusal(answering(401, "{\"status\":401,\"detail\":\"expired\"}", null)).status()).isEqualTo(401);
        stop();
        ProblemException unknown = refusal(answering(404, "{\"status\":404,\"detail\":\"No employee 1001.\"}", null));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.getMessage()).contains("not in the org chart");
    }

    @Test
    void nobodyListeningIs503() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        HttpEmployeeDirectory directory = new HttpEmployeeDirectory(() -> "http://127.0.0.1:" + closed, Duration.ofMinutes(1));
        ProblemException away = catchThrowableOfType(ProblemException.class,
                () -> directory.approvers(List.of(1002L), "token"));
        assertThat(away.status()).isEqualTo(503);
        assertThat(away.getMessage()).contains("cannot be reached")
                .as("no internal address for the caller to read").doesNotContain(String.valueOf(closed)).doesNotContain("127.0.0.1");
    }
}
