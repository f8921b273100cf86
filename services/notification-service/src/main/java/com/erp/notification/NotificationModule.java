package com.erp.notification;

import java.time.Duration;

import com.erp.notification.domain.NotificationStore;
import com.erp.notification.domain.NotificationViews;
import com.erp.notification.domain.Recipients;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.redis.RedisReportingLines;
import com.erp.routes.common.security.RevokedSubjects;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.erp.routes.common.web.ServiceContract;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
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
    Recipients recipients(RevokedSubjects revoked, @Qualifier("departmentHeads") RedisReportingLines chart) {
        return new Recipients(revoked::departed, chart::departmentHeads);
    }

    /**
     * The org chart employee-service publishes (route notification.reporting-lines), for who heads a receiving
     * department now.
     */
    @Bean
    RedisReportingLines departmentHeads(StringRedisTemplate redis, ObjectMapper json) {
        return new RedisReportingLines(redis, RedisKeys.NOTIFICATION_ORG_CHART, json, Duration.ofSeconds(5));
    }

    @Bean
    NotificationViews notificationViews(ObjectMapper json) {
        return new NotificationViews(json);
    }

    /** Stores and publishes an event's notifications at once, each only once (notification.notify). */
    @Bean
    NotificationStore notificationStore(StringRedisTemplate redis, NotificationViews views,
                                        @Value("${erp.notification.channel}") String channel,
                                        @Value("${erp.notification.keep}") int keep,
                                        @Value("${erp.notification.keep-per-sender}") int keepPerSender,
                                        @Value("${erp.notification.dedupe-ttl}") Duration dedupeTtl,
                                        @Value("${erp.notification.inbox-kept}") Duration inboxKept) {
        return new NotificationStore(redis, views, channel, keep, keepPerSender, dedupeTtl, inboxKept);
    }

    /** Pub/sub messages are plain strings (camel-spring-redis would otherwise JDK-deserialise them). */
    @Bean
    StringRedisSerializer erpRedisStringSerializer() {
        return new StringRedisSerializer();
    }

    /**
     * The subscriber of the notification channel (notification.deliver). Spring's default container starts a
     * new thread for every message; this one hands them to a single thread, which also keeps their order. It also
     * tells the connected pages to catch up whenever the subscription is renewed ({@link Resubscriptions}).
     */
    @Bean
    RedisMessageListenerContainer erpNotificationListenerContainer(RedisConnectionFactory connections,
                                                                   @Value("${erp.notification.channel}") String channel,
                                                                   ObjectProvider<ProducerTemplate> producer) {
        ThreadPoolTaskExecutor delivery = new ThreadPoolTaskExecutor();
        delivery.setCorePoolSize(1);
        delivery.setMaxPoolSize(1);
        delivery.setThreadNamePrefix("notify-deliver-");
        delivery.setDaemon(true); // not a bean: nothing else would stop it at shutdown
        delivery.initialize();
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(delivery);
        container.addMessageListener(new Resubscriptions(producer), new ChannelTopic(channel));
        return container;
    }
}
