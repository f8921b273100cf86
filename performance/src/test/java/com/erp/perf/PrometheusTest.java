package com.erp.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading metrics across the services: each service's own gauges, each JVM once. */
class PrometheusTest {

    private final Http http = new Http();
    private HttpServer request;
    private HttpServer processing;

    private final List<String> asked = new CopyOnWriteArrayList<>();

    private HttpServer serving(String text) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            asked.add(exchange.getRequestURI().getRawQuery());
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        request.stop(0);
        processing.stop(0);
    }

    @Test
    void aGaugeOnlyItsOwnServiceExposesIsSeenAcrossThemAndAJvmIsReadOnce() throws IOException {
        request = serving("""
                # HELP erp_outbox_backlog events stored but not yet published
                erp_outbox_backlog{service="approval-request"} 963.0
                erp_dlq_messages_total{topic="approval.submitted.DLQ"} 1.0
                """);
        processing = serving("""
                erp_outbox_backlog{service="approval-processing"} 0.0
                erp_kafka_consumer_lag{group="erp-approval-processing",topic="approval.submitted"} 0.0
                erp_dlq_messages_total{topic="approval.decided.DLQ"} 2.0
                """);

        Prometheus processingAlone = new Prometheus(http, base(processing), "token");
        Prometheus both = Prometheus.across(http, "token", base(processing), base(request));

        assertThat(processingAlone.sum("erp_outbox_backlog", "service=\"approval-request\"")).isZero();
        assertThat(both.sum("erp_outbox_backlog", "service=\"approval-request\"")).isEqualTo(963.0);
        assertThat(both.sum("erp_dlq_messages_total")).isEqualTo(3.0);
        // standalone: one JVM behind both bases
        assertThat(Prometheus.across(http, "token", base(request), base(request)).sum("erp_dlq_messages_total"))
                .isEqualTo(1.0);
        // only the metric read is asked for, by its sample's and its family's name
        assertThat(asked).contains("includedNames=erp_outbox_backlog", "includedNames=erp_dlq_messages_total,erp_dlq_messages")
                .allMatch(query -> query.startsWith("includedNames="));
    }
}
