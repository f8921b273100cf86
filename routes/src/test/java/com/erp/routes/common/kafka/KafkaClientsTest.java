package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    /** The settings MSK over TLS with SASL/SCRAM would be given, by their Camel names. */
    private static final Map<String, String> COMPONENT = Map.of(
            "security-protocol", "SASL_SSL",
            "sasl-mechanism", "SCRAM-SHA-512",
            "sasl-jaas-config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"erp\" password=\"s3cret\";",
            "ssl-truststore-location", "/etc/erp/truststore.p12",
            "ssl-truststore-password", "changeit",
            "ssl-keystore-location", " ",
            "ssl-endpoint-algorithm", "",
            "brokers", "ignored: not a security setting");

    @Test
    void theComponentsSecuritySettingsBecomeTheClientsOwn() {
        KafkaClients clients = KafkaClients.of("b-1:9096,b-2:9096", COMPONENT::get);

        Map<String, Object> settings = clients.settings(Map.of("request.timeout.ms", 3000));

        assertThat(settings).containsEntry("bootstrap.servers", "b-1:9096,b-2:9096")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/erp/truststore.p12")
                .containsEntry("ssl.truststore.password", "changeit")
                .containsEntry("request.timeout.ms", 3000)
                .containsKey("sasl.jaas.config")
                // an empty endpoint algorithm turns the host name check off, as for the routes
                .containsEntry("ssl.endpoint.identification.algorithm", "")
                // another blank option is not set
                .doesNotContainKey("ssl.keystore.location")
                .hasSize(8);
    }

    @Test
    void theComponentsAdditionalPropertiesReachTheClientsButNeverReplaceTheBrokersOrSecurity() {
        KafkaClients clients = KafkaClients.of("b-1:9098", COMPONENT::get, Map.of(
                "sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
                "security.protocol", "PLAINTEXT"));

        assertThat(clients.settings(Map.of()))
                .containsEntry("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "b-1:9098");
    }

    @Test
    void aCallersSettingNeverReplacesTheBrokersOrTheirSecurity() {
        KafkaClients clients = KafkaClients.of("b-1:9094", COMPONENT::get);

        Map<String, Object> settings = clients.settings(Map.of("security.protocol", "PLAINTEXT",
                "bootstrap.servers", "elsewhere:9092", "group.id", "erp-dead-letter-replay"));

        assertThat(settings).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "b-1:9094")
                .containsEntry("group.id", "erp-dead-letter-replay");
    }

    @Test
    void withoutSecuritySettingsTheClientsArePlainAndTheirDescriptionKeepsNoSecret() {
        assertThat(KafkaClients.plain("127.0.0.1:9092").settings(Map.of()))
                .isEqualTo(Map.of("bootstrap.servers", "127.0.0.1:9092"));
        assertThat(KafkaClients.of("b-1:9096", COMPONENT::get).toString())
                .contains("b-1:9096", "SASL_SSL").doesNotContain("s3cret", "changeit");
    }

    @Test
    void topicsOnAClusterWaitForTwoCopiesOfEachWrite() {
        assertThat(KafkaTopicsInitializer.safety((short) 1)).isEmpty();
        assertThat(KafkaTopicsInitializer.safety((short) 2)).containsExactly(Map.entry("min.insync.replicas", "1"));
        assertThat(KafkaTopicsInitializer.safety((short) 3)).containsExactly(Map.entry("min.insync.replicas", "2"));
        assertThat(KafkaTopicsInitializer.safety((short) 5)).containsExactly(Map.entry("min.insync.replicas", "2"));
    }
}
