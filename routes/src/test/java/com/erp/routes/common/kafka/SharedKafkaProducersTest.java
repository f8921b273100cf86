package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Real Kafka producers (they connect lazily, so no broker is needed to see which client each endpoint is given and
 * when it is closed): the client's identity is its client id, its life its network thread.
 */
class SharedKafkaProducersTest {

    private final SharedKafkaProducers factory = new SharedKafkaProducers();

    private static Properties settings() throws Exception {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort();
        }
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + nobody);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "200");
        return settings;
    }

    private static String client(Producer<?, ?> producer) {
        return producer.metrics().keySet().stream().map(name -> name.tags().get("client-id"))
                .filter(id -> id != null).findFirst().orElseThrow();
    }

    private static boolean running(String client) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("kafka-producer-network-thread | " + client));
    }

    @Test
    void endpointsWithTheSameSettingsShareOneProducerUntilTheLastLetsGo() throws Exception {
        Properties settings = settings();
        Producer<?, ?> first = factory.getProducer(settings);
        Producer<?, ?> second = factory.getProducer((Properties) settings.clone());

        assertThat(client(second)).isEqualTo(client(first));
        assertThat(factory.open()).isEqualTo(1);
        assertThat(factory.leases()).isEqualTo(2);
        String client = client(first);
        assertThat(running(client)).isTrue();

        first.close(Duration.ofSeconds(1));
        first.close(Duration.ofSeconds(1));
        assertThat(factory.leases()).as("a lease is let go once").isEqualTo(1);
        assertThat(running(client)).as("the other endpoint still uses it").isTrue();
        assertThatThrownBy(() -> second.partitionsFor("x")).as("no broker: the producer waited, it was not closed")
                .isInstanceOf(TimeoutException.class);

        second.close(Duration.ofSeconds(1));
        assertThat(factory.open()).isZero();
        assertThat(running(client)).as("the last lease closes the producer").isFalse();

        Producer<?, ?> again = factory.getProducer(settings);
        assertThat(client(again)).as("a fresh producer after a restart").isNotEqualTo(client);
        again.close(Duration.ofSeconds(1));
    }

    @Test
    void otherSettingsGetAnotherProducer() throws Exception {
        Properties settings = settings();
        Properties other = (Properties) settings.clone();
        other.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Producer<?, ?> first = factory.getProducer(settings);
        Producer<?, ?> second = factory.getProducer(other);
        try {
            assertThat(client(second)).isNotEqualTo(client(first));
            assertThat(factory.open()).isEqualTo(2);
        } finally {
            first.close(Duration.ofSeconds(1));
            second.close(Duration.ofSeconds(1));
        }
    }

    @Test
    void aTransactionalProducerIsItsOwnAndASharedOneRefusesTransactions() throws Exception {
        Properties settings = settings();
        Producer<?, ?> plain = factory.getProducer(settings);
        Properties transactional = (Properties) settings.clone();
        transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "erp-test");
        Producer<?, ?> own = factory.getProducer(transactional);
        try {
            assertThat(client(own)).isNotEqualTo(client(plain));
            assertThat(factory.open()).as("not one of the shared").isEqualTo(1);
            assertThatThrownBy(plain::beginTransaction).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transactional.id");
        } finally {
            plain.close(Duration.ofSeconds(1));
            own.close(Duration.ofSeconds(1));
        }
    }
}
