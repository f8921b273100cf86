package com.erp.routes.common.security;

import java.util.UUID;

import com.erp.routes.common.events.TokenRevocation;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Every service's copy of the revoked tokens ({@link RevokedSubjects}): the compacted revocations topic, read from its
 * beginning by a consumer group of this process alone (a random group id), so each instance learns every revocation,
 * the old ones at start. An event it cannot read goes to the dead-letter topic, like any other.
 */
public class RevocationRoute extends RouteBuilder {

    public static final String ID = "common.revocations";
    /** Its groups' ids begin so: one per process, gone with it. */
    public static final String GROUP_PREFIX = "erp-revocations-";

    private final RevokedSubjects revoked;
    private final String group = GROUP_PREFIX + UUID.randomUUID();

    public RevocationRoute(RevokedSubjects revoked) {
        this.revoked = revoked;
    }

    @Override
    public void configure() {
        // it commits nothing: a group of this process alone, read from the beginning at every start, is never
        // resumed, and its offsets would stay on the broker (and in erp_kafka_consumer_lag) after the process
        from("kafka:{{erp.topics.tokens-revoked}}?groupId=" + group + "&autoOffsetReset=earliest&allowManualCommit=false")
                .routeId(ID).routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, TokenRevocation.class)
                .bean(revoked, "revoke");
    }
}
