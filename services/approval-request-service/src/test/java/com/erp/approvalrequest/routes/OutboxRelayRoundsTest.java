package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A backlog in the outbox (here: five submissions whose queued sends were lost, as in a crash) drains in one look
 * of the relay, a batch (two here) after another, not one batch per timer period.
 */
// The relay looks every half second even when nothing failed here, so only in its own context, closed after it: left
// open, its relay would publish other tests' leftovers too, and its Kafka consumers would share the other tests'
// consumer group and take events those tests wait for.
@TestPropertySource(properties = "erp.approval-request.outbox.idle-scan-ms=500")
@DirtiesContext
class OutboxRelayRoundsTest extends ApprovalRequestRouteTestBase {

    private static final String RELAY = "approval-request.outbox-relay";
    private static final String QUEUE = "approval-request.outbox-queue";

    @Test
    void aBacklogOfMoreThanABatchIsRelayedInOneLook() throws Exception {
        camel.getRouteController().stopRoute(RELAY);
        List<String> ids = new ArrayList<>();
        try {
            camel.getRouteController().stopRoute(QUEUE);
            try {
                for (int i = 0; i < 5; i++) {
                    var r = http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title",
                            "밀린 발행 " + i, "approverIds", List.of(LEAD.id(), HEAD.id())));
                    assertThat(r.status()).as("%s", r).isEqualTo(202);
                    ids.add(r.json().path("id").asText());
                }
            } finally {
                // the queued sends are lost, as in a crash: only the outbox has the events now
                camel.getEndpoints().stream().filter(SedaEndpoint.class::isInstance).map(SedaEndpoint.class::cast)
                        .filter(e -> e.getEndpointUri().contains(QUEUE)).forEach(SedaEndpoint::purgeQueue);
                camel.getRouteController().startRoute(QUEUE);
            }
            assertThat(ids).allSatisfy(id -> assertThat(outbox(id)).as("waiting in the outbox").hasSize(1));
            // every entry due: older than the grace (4 s here)
            Thread.sleep(4_500);
        } finally {
            // the look itself, not one of the entries it split off
            NotifyBuilder look = new NotifyBuilder(camel).fromRoute(RELAY)
                    .filter(e -> e.getProperty(Exchange.SPLIT_INDEX) == null).whenCompleted(1).create();
            camel.getRouteController().startRoute(RELAY);
            assertThat(look.matches(30, TimeUnit.SECONDS)).as("the relay looked").isTrue();
        }
        assertThat(ids).as("all five relayed by the first look, two at a time")
                .allSatisfy(id -> assertThat(outbox(id)).isEmpty());
        for (String id : ids) {
            assertThat(kafka.await("approval.submitted", rec -> id.equals(rec.key()), 1,
                    java.time.Duration.ofSeconds(5))).as("published %s", id).isNotEmpty();
        }
    }

    private List<Document> outbox(String id) {
        List<Document> entries = approvals().find(new Document("_id", id)).first().getList("outbox", Document.class);
        return entries == null ? List.of() : entries;
    }
}
