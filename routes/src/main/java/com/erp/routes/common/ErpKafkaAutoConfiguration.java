package com.erp.routes.common;

import java.time.Duration;
import java.util.Map;

import com.erp.routes.common.events.Topics;
import com.erp.routes.common.kafka.DeadLetterReplay;
import com.erp.routes.common.kafka.DeadLetterRoute;
import com.erp.routes.common.kafka.DeadLetters;
import com.erp.routes.common.kafka.KafkaClients;
import com.erp.routes.common.kafka.KafkaHeaderFilter;
import com.erp.routes.common.kafka.KafkaHealthIndicator;
import com.erp.routes.common.kafka.KafkaLagMeter;
import com.erp.routes.common.kafka.KafkaTopicsInitializer;
import com.erp.routes.common.security.RevocationCatchUp;
import com.erp.routes.common.security.RevocationRoute;
import com.erp.routes.common.security.RevokedSubjects;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Kafka side every Kafka-using service shares: topics, dead letters, header filter, health. */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.camel.component.kafka.KafkaComponent")
public class ErpKafkaAutoConfiguration {

    /** common.yml names it for camel-kafka, so it exists wherever camel-kafka does. */
    @Bean
    KafkaHeaderFilter erpKafkaHeaderFilter() {
        return new KafkaHeaderFilter();
    }

    /** common.yml names it too: offsets are committed by Camel, of what the routes have processed. */
    @Bean
    KafkaManualCommitFactory erpKafkaCommitFactory() {
        return new DefaultKafkaManualAsyncCommitFactory();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("camel.component.kafka.brokers")
    @EnableConfigurationProperties(Topics.class)
    static class WithBrokers {

        /** The component's brokers and security settings, for the clients that are not routes. */
        @Bean
        KafkaClients erpKafkaClients(Environment env) {
            return KafkaClients.of(env.getRequiredProperty("camel.component.kafka.brokers"),
                    option -> env.getProperty("camel.component.kafka." + option),
                    Binder.get(env).bind("camel.component.kafka.additional-properties",
                            Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        }

        @Bean
        @ConditionalOnProperty(value = "erp.kafka.create-topics", havingValue = "true", matchIfMissing = true)
        KafkaTopicsInitializer kafkaTopicsInitializer(KafkaClients clients, Topics topics,
                                                      @Value("${erp.kafka.topic-replicas}") short replicas) {
            return new KafkaTopicsInitializer(clients, topics, replicas);
        }

        @Bean
        KafkaHealthIndicator kafkaHealthIndicator(KafkaClients clients) {
            return new KafkaHealthIndicator(clients);
        }

        /** Departures (퇴사), so that this process refuses the tokens of those who left. */
        @Bean
        RevocationRoute erpRevocationRoute(RevokedSubjects revoked) {
            return new RevocationRoute(revoked);
        }

        /** Health contributor "revocations", in the readiness group: every revocation read before this is ready. */
        @Bean
        RevocationCatchUp revocationsHealthIndicator(KafkaClients clients, Topics topics, RevokedSubjects revoked,
                                                     ObjectMapper json,
                                                     @Value("${erp.kafka.revocations-startup-wait-ms}") long waitMs) {
            return new RevocationCatchUp(clients, topics.tokensRevoked(), revoked, json, Duration.ofMillis(waitMs));
        }

        @Bean
        DeadLetters deadLetters() {
            return new DeadLetters();
        }

        @Bean
        DeadLetterRoute deadLetterRoute(MeterRegistry meters) {
            return new DeadLetterRoute(meters);
        }

        @Bean
        DeadLetterReplay deadLetterReplay(KafkaClients clients, Topics topics,
                                          @Value("${erp.kafka.dead-letter-replay.group}") String group,
                                          @Value("${erp.kafka.dead-letter-replay.timeout-ms}") long timeoutMs) {
            return new DeadLetterReplay(clients, topics, group, java.time.Duration.ofMillis(timeoutMs));
        }

        @Bean
        @ConditionalOnProperty(value = "erp.kafka.lag-meter-period-seconds")
        KafkaLagMeter kafkaLagMeter(KafkaClients clients, MeterRegistry meters,
                                    @Value("${erp.kafka.lag-meter-period-seconds}") long period) {
            return new KafkaLagMeter(clients, meters, period);
        }
    }
}
