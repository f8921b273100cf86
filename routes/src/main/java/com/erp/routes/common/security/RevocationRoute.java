package com.erp.routes.common.security;

import java.util.UUID;

import com.erp.routes.common.events.DepartureEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Every service's copy of who left ({@link RevokedSubjects}): the compacted departures topic, read from its beginning
 * by a consumer group of this process alone (a random group id), so each instance learns every departure, the old ones
 * at start. An event it cannot read goes to the dead-letter topic, like any other.
 */
public class RevocationRoute extends RouteBuilder {

    public static final String ID = "common.revocations";

    private final RevokedSubjects revoked;
    private final String group = "erp-revocations-" + UUID.randomUUID();

    public RevocationRoute(RevokedSubjects revoked) {
        this.revoked = revoked;
    }

    @Override
    public void configure() {
        from("kafka:{{erp.topics.employee-departed}}?groupId=" + group + "&autoOffsetReset=earliest")
                .routeId(ID).routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, DepartureEvent.class)
                .bean(revoked, "revoke");
    }
}
