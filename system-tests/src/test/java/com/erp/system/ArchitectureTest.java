package com.erp.system;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.erp.routes.common.kafka.KafkaClients;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/** House rules of the code base, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "com.erp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Business rules are plain Java: no Camel in any domain package (and there must be domain packages). */
    @ArchTest
    static final ArchRule domainHasNoCamel = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..");

    /** The domain does not reach into persistence or the HTTP client adapters. */
    @ArchTest
    static final ArchRule domainDoesNotDependOnAdapters = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("com.erp..persistence..", "com.erp..directory..");

    /** One service's code does not use another's: they talk over Kafka and HTTP only. */
    @ArchTest
    static final ArchRule servicesAreIndependent = noClasses().that().resideInAPackage("com.erp.approvalrequest..")
            .should().dependOnClassesThat().resideInAnyPackage("com.erp.employee..", "com.erp.approvalprocessing..",
                    "com.erp.notification..");

    @ArchTest
    static final ArchRule processingIsIndependent = noClasses().that().resideInAPackage("com.erp.approvalprocessing..")
            .should().dependOnClassesThat().resideInAnyPackage("com.erp.employee..", "com.erp.approvalrequest..",
                    "com.erp.notification..");

    @ArchTest
    static final ArchRule notificationIsIndependent = noClasses().that().resideInAPackage("com.erp.notification..")
            .should().dependOnClassesThat().resideInAnyPackage("com.erp.employee..", "com.erp.approvalrequest..",
                    "com.erp.approvalprocessing..");

    /** Routes name beans, not service classes (they compile without the services). */
    @ArchTest
    static final ArchRule routesDoNotUseServiceClasses = noClasses().that().resideInAPackage("com.erp.routes..")
            .should().dependOnClassesThat().resideInAnyPackage("com.erp.employee..", "com.erp.approvalrequest..",
                    "com.erp.approvalprocessing..", "com.erp.notification..");

    /**
     * A Kafka client that is not a route is made by KafkaClients, which gives it the component's brokers and security
     * settings: one made by hand would speak plain Kafka to brokers that take only TLS (MSK). The load suite's raw
     * producer and the tests' probe speak to the embedded broker and are left out.
     */
    @ArchTest
    static final ArchRule kafkaClientsComeFromKafkaClients = noClasses()
            .that().resideOutsideOfPackages("com.erp.perf..", "com.erp.routes.testing..")
            .and().doNotBelongToAnyOf(KafkaClients.class)
            .should().callConstructorWhere(target(owner(assignableTo(KafkaConsumer.class))))
            .orShould().callConstructorWhere(target(owner(assignableTo(KafkaProducer.class))))
            .orShould().callMethodWhere(target(owner(assignableTo(Admin.class))).and(target(name("create"))));
}
