package com.erp.approvalrequest;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** approval-request-service on its own (approval-request-service.yml). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ApprovalRequestModule.class)
public class ApprovalRequestServiceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ApprovalRequestServiceApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "approval-request-service"));
        app.run(args);
    }
}
