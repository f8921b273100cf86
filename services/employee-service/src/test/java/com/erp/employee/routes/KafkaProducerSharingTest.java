package com.erp.employee.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.erp.routes.common.kafka.SharedKafkaProducers;
import org.apache.camel.component.kafka.KafkaComponent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * employee-service sends to six topics (delegations, token revocations, quests, leave reserved and refused,
 * reporting lines) and to the dead-letter topic: through one Kafka producer, not one per endpoint. The sends
 * themselves are the other tests' (QuestsTest, LeaveLedgerTest, ReportingLinesTest).
 */
class KafkaProducerSharingTest extends EmployeeTestBase {

    @Autowired
    SharedKafkaProducers producers;

    @Test
    void everyEndpointSendsThroughOneProducer() {
        assertThat(camel.getComponent("kafka", KafkaComponent.class).getKafkaClientFactory())
                .as("the component's client factory").isSameAs(producers);
        assertThat(producers.leases()).as("the six endpoints the routes send to hold it").isGreaterThanOrEqualTo(6);
        assertThat(producers.open()).isEqualTo(1);
    }
}
