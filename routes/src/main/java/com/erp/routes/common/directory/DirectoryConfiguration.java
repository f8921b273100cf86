package com.erp.routes.common.directory;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The org chart as the services that ask it see it (bean {@code employeeDirectory}), imported by each module that
 * needs it; in standalone both import it and it is made once. {@code erp.directory.kind}: {@code http} asks
 * employee-service at {@code erp.directory.employee-service-url} (services apart); {@code in-process} calls its routes
 * in this JVM (standalone).
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

    @Bean
    EmployeeDirectory employeeDirectory(Environment env, ObjectProvider<ProducerTemplate> producer, ObjectMapper json,
                                        @Value("${erp.directory.kind}") String kind,
                                        @Value("${erp.directory.cache-ttl}") Duration ttl) {
        return switch (kind) {
            case "in-process" -> new InProcessEmployeeDirectory(producer.getObject(), json, ttl);
            case "http" -> new HttpEmployeeDirectory(
                    // resolved on first use: the URL may name a port chosen at start-up
                    () -> env.resolveRequiredPlaceholders(env.getRequiredProperty("erp.directory.employee-service-url")),
                    ttl);
            default -> throw new IllegalArgumentException("erp.directory.kind must be http or in-process, not " + kind);
        };
    }
}
