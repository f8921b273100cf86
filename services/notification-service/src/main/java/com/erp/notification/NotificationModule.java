package com.erp.notification;

import java.time.Duration;

import com.erp.notification.domain.NotificationViews;
import com.erp.notification.domain.Recipients;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.redis.processor.idempotent.SpringRedisStringIdempotentRepository;
import com.erp.routes.common.web.ServiceContract;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.StringRedisSerializer;

/** notification-service as a module: its routes and beans, for its own application and for standalone. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"com.erp.notification", "com.erp.routes.notification"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class NotificationModule {

    @Bean
    ServiceContract notificationContract() {
        return new ServiceContract("notification", "openapi/notification-api.yaml", "com.erp.notification.api");
    }

    @Bean
    Recipients recipients() {
        return new Recipients();
    }

    @Bean
    NotificationViews notificationViews(ObjectMapper json) {
        return new NotificationViews(json);
    }

    /** Remembers which notifications were stored, so a redelivered event notifies nobody twice. */
    @Bean
    SpringRedisStringIdempotentRepository notifiedRepository(StringRedisTemplate redis,
                                                            @Value("${erp.notification.dedupe-ttl}") Duration ttl) {
        SpringRedisStringIdempotentRepository repository =
                new SpringRedisStringIdempotentRepository(redis, "erp:notified");
        repository.setExpiry(ttl.toSeconds());
        return repository;
    }

    /** Pub/sub messages are plain strings (camel-spring-redis would otherwise JDK-deserialise them). */
    @Bean
    StringRedisSerializer erpRedisStringSerializer() {
        return new StringRedisSerializer();
    }
}
