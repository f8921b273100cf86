package com.erp.standalone;

import java.util.Map;

import com.erp.approvalprocessing.ApprovalProcessingModule;
import com.erp.approvalrequest.ApprovalRequestModule;
import com.erp.devinfra.ShutdownOrder;
import com.erp.employee.EmployeeModule;
import com.erp.notification.NotificationModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The quick start: all four services' routes in one JVM, on embedded real servers (Kafka, MariaDB,
 * MongoDB-wire, Redis) started first, with a demo organisation, on one port (standalone.yml). The modules are
 * the same ones each service runs alone; only configuration differs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({EmployeeModule.class, ApprovalRequestModule.class, ApprovalProcessingModule.class, NotificationModule.class})
public class StandaloneApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(StandaloneApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "standalone"));
        ShutdownOrder.closeFirstOnSignal(app.run(args));
    }
}
