package com.erp.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @TempDir
    Path dataDir;

    @Test
    void allFourServersServeRealClientsAndKeepDataAcrossRestart() throws Exception {
        try (EmbeddedServers servers = EmbeddedServers.start(EmbeddedServers.Options.all(dataDir))) {
            Map<String, String> props = servers.connectionProperties();

            // MariaDB: a real SQL round trip
            try (Connection c = DriverManager.getConnection(props.get("spring.datasource.url"), "root", "")) {
                c.createStatement().execute("create table t (id int primary key, v varchar(10))");
                c.createStatement().execute("insert into t values (1, 'eins')");
                ResultSet rs = c.createStatement().executeQuery("select v from t where id = 1");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("eins");
            }

            // MongoDB wire protocol
            try (MongoClient mongo = MongoClients.create(props.get("spring.data.mongodb.uri"))) {
                mongo.getDatabase("erp").getCollection("c").insertOne(new Document("_id", "a").append("n", 1));
                assertThat(mongo.getDatabase("erp").getCollection("c").find().first()).containsEntry("n", 1);
            }

            // Redis
            RedisClient redis = RedisClient.create("redis://127.0.0.1:" + props.get("spring.data.redis.port"));
            try (StatefulRedisConnection<String, String> conn = redis.connect()) {
                conn.sync().set("k", "v");
                assertThat(conn.sync().get("k")).isEqualTo("v");
            } finally {
                redis.shutdown();
            }

            // Kafka: produce, stop the broker, start it again on the same port, consume what was written before
            String brokers = props.get("camel.component.kafka.brokers");
            produce(brokers, "before-restart");
            servers.kafka().stop();
            assertThat(servers.kafka().isRunning()).isFalse();
            servers.kafka().start();
            produce(brokers, "after-restart");
            assertThat(consumeAll(brokers, 2)).containsExactly("before-restart", "after-restart");
        }
    }

    private static void produce(String brokers, String value) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", brokers);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("smoke", "key", value)).get();
        }
    }

    private static List<String> consumeAll(String brokers, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", brokers);
        p.put("group.id", "smoke");
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("smoke"));
            java.util.ArrayList<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
