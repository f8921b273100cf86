package com.erp.routes.common.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How this process's own Kafka clients (health, topic creation, lag, dead-letter replay) reach the brokers: the
 * same addresses and the same security settings the Camel Kafka component has ({@code camel.component.kafka.*}),
 * so that against brokers that speak only TLS or SASL (MSK) they connect like the routes do. Every plain client
 * is made here; a setting of the caller's never replaces a security setting.
 */
public final class KafkaClients {

    /** The component's security options (Camel's names, after the prefix) and the client settings they are. */
    static final Map<String, String> SECURITY_SETTINGS = Map.ofEntries(
            Map.entry("security-protocol", CommonClientConfigs.SECURITY_PROTOCOL_CONFIG),
            Map.entry("ssl-truststore-location", SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG),
            Map.entry("ssl-truststore-password", SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG),
            Map.entry("ssl-truststore-type", SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG),
            Map.entry("ssl-keystore-location", SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG),
            Map.entry("ssl-keystore-password", SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG),
            Map.entry("ssl-keystore-type", SslConfigs.SSL_KEYSTORE_TYPE_CONFIG),
            Map.entry("ssl-key-password", SslConfigs.SSL_KEY_PASSWORD_CONFIG),
            Map.entry("ssl-protocol", SslConfigs.SSL_PROTOCOL_CONFIG),
            Map.entry("ssl-endpoint-algorithm", SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG),
            Map.entry("sasl-mechanism", SaslConfigs.SASL_MECHANISM),
            Map.entry("sasl-jaas-config", SaslConfigs.SASL_JAAS_CONFIG),
            Map.entry("sasl-kerberos-service-name", SaslConfigs.SASL_KERBEROS_SERVICE_NAME));

    private final Map<String, Object> base;

    private KafkaClients(Map<String, Object> base) {
        this.base = Collections.unmodifiableMap(base);
    }

    /**
     * @param brokers    the bootstrap servers
     * @param component  reads one of the component's options by its Camel name ({@code security-protocol}); null when
     *                   it is not set
     * @param additional the component's {@code additional-properties} (client settings by their Kafka names, e.g. an
     *                   MSK IAM callback handler), given to these clients too
     */
    public static KafkaClients of(String brokers, UnaryOperator<String> component, Map<String, String> additional) {
        Map<String, Object> base = new LinkedHashMap<>(additional);
        base.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, brokers);
        SECURITY_SETTINGS.forEach((option, setting) -> {
            String value = component.apply(option);
            // an empty endpoint algorithm is a setting (no host name check); other blanks are not set
            boolean set = value != null && (!value.isBlank() || option.equals("ssl-endpoint-algorithm"));
            if (set) {
                base.put(setting, value.strip());
            }
        });
        return new KafkaClients(base);
    }

    public static KafkaClients of(String brokers, UnaryOperator<String> component) {
        return of(brokers, component, Map.of());
    }

    /** Plain connections to these brokers (tests, the embedded quick start). */
    public static KafkaClients plain(String brokers) {
        return of(brokers, option -> null);
    }

    /** The caller's settings with the brokers' address and security over them. */
    public Map<String, Object> settings(Map<String, Object> own) {
        Map<String, Object> all = new LinkedHashMap<>(own);
        all.putAll(base);
        return all;
    }

    public Admin admin(Map<String, Object> own) {
        return Admin.create(settings(own));
    }

    public KafkaConsumer<String, String> consumer(Map<String, Object> own) {
        Properties p = new Properties();
        p.putAll(settings(own));
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    public KafkaProducer<String, String> producer(Map<String, Object> own) {
        Properties p = new Properties();
        p.putAll(settings(own));
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    public String brokers() {
        return (String) base.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    @Override
    public String toString() {
        // never the passwords or the JAAS line
        return "KafkaClients[" + brokers() + ", " + base.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "PLAINTEXT") + "]";
    }
}
