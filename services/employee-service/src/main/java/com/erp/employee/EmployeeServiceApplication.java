package com.erp.employee;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** employee-service on its own, against the servers its environment names (employee-service.yml). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EmployeeModule.class)
public class EmployeeServiceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(EmployeeServiceApplication.class);
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "employee-service"));
        app.run(args);
    }
}
