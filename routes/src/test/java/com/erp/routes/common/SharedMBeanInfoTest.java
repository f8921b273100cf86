package com.erp.routes.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.erp.routes.testing.NoServers;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * Camel's MBeans in a service share one description per managed class (SharedMBeanInfoAssembler, installed by
 * ErpManagementAutoConfiguration before the context starts), and each still shows and resets its own figures, also in
 * the route statistics the console draws its route diagrams from.
 */
@CamelSpringBootTest
@DisableJmx(false) // the test kit turns JMX off otherwise
@SpringBootTest(classes = SharedMBeanInfoTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = NoServers.EXCLUDE_AUTO_CONFIGURATION)
class SharedMBeanInfoTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder twoRoutesAlike() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:one").routeId("mbeans.one").setHeader("step", constant(1)).id("one-step");
                    from("direct:two").routeId("mbeans.two").setHeader("step", constant(2)).id("two-step");
                }
            };
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Test
    void processorsOfOneKindShareTheirDescriptionAndKeepTheirOwnFigures() throws Exception {
        MBeanServer server = camel.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName one = processor(server, "one-step");
        ObjectName two = processor(server, "two-step");

        Map<String, MBeanAttributeInfo> oneAttributes = attributes(server.getMBeanInfo(one));
        Map<String, MBeanAttributeInfo> twoAttributes = attributes(server.getMBeanInfo(two));
        assertThat(oneAttributes).containsKeys("ExchangesTotal", "ProcessorId", "RouteId");
        assertThat(oneAttributes.get("ExchangesTotal")).isSameAs(twoAttributes.get("ExchangesTotal"));
        assertThat(oneAttributes.get("RouteId")).isSameAs(twoAttributes.get("RouteId"));

        for (int i = 0; i < 3; i++) {
            producer.sendBody("direct:one", "x");
        }
        producer.sendBody("direct:two", "x");
        assertThat(server.getAttribute(one, "ExchangesTotal")).isEqualTo(3L);
        assertThat(server.getAttribute(two, "ExchangesTotal")).isEqualTo(1L);
        assertThat(server.getAttribute(one, "RouteId")).isEqualTo("mbeans.one");
        assertThat(server.getAttribute(two, "RouteId")).isEqualTo("mbeans.two");

        // the console's route diagram reads each step's figures from the route's statistics
        ObjectName route = new ObjectName("org.apache.camel:context=" + camel.getManagementName()
                + ",type=routes,name=\"mbeans.one\"");
        String stats = (String) server.invoke(route, "dumpRouteStatsAsXml", new Object[] {false, true},
                new String[] {"boolean", "boolean"});
        assertThat(stats).contains("id=\"one-step\"").contains("exchangesTotal=\"3\"");

        server.invoke(one, "reset", null, null);
        assertThat(server.getAttribute(one, "ExchangesTotal")).isEqualTo(0L);
        assertThat(server.getAttribute(two, "ExchangesTotal")).isEqualTo(1L);
    }

    private ObjectName processor(MBeanServer server, String id) throws Exception {
        ObjectName pattern = new ObjectName("org.apache.camel:context=" + camel.getManagementName()
                + ",type=processors,*");
        for (ObjectName name : server.queryNames(pattern, null)) {
            if (id.equals(server.getAttribute(name, "ProcessorId"))) {
                return name;
            }
        }
        throw new AssertionError("no processor MBean " + id + " among " + server.queryNames(pattern, null));
    }

    private static Map<String, MBeanAttributeInfo> attributes(MBeanInfo info) {
        return Arrays.stream(info.getAttributes()).collect(Collectors.toMap(MBeanAttributeInfo::getName,
                Function.identity()));
    }
}
