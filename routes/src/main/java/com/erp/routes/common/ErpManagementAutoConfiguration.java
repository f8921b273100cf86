package com.erp.routes.common;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.management.DefaultManagementMBeanAssembler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** Camel's MBeans (the route console's view) described once per managed class: {@link SharedMBeanInfoAssembler}. */
@AutoConfiguration
@ConditionalOnProperty(name = "camel.main.jmx-enabled", havingValue = "true", matchIfMissing = true)
public class ErpManagementAutoConfiguration {

    @Bean
    CamelContextConfiguration sharedMBeanInfo() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                // before the context starts: its management agent takes the assembler when it starts
                camel.getCamelContextExtension().setManagementMBeanAssembler(
                        new SharedMBeanInfoAssembler(new DefaultManagementMBeanAssembler(camel)));
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }
}
