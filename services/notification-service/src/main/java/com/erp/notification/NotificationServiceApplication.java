package com.erp.notification;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** notification-service on its own (notification-service.yml). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(NotificationModule.class)
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(NotificationServiceApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "notification-service"));
        app.run(args);
    }
}
