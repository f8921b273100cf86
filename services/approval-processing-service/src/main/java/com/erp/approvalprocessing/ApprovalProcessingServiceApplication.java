package com.erp.approvalprocessing;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** approval-processing-service on its own (approval-processing-service.yml). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ApprovalProcessingModule.class)
public class ApprovalProcessingServiceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ApprovalProcessingServiceApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "approval-processing-service"));
        app.run(args);
    }
}
