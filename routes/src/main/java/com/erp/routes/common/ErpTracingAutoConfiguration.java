package com.erp.routes.common;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.camel.CamelContext;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Trace context through the routes (DESIGN §6). A request's trace starts at its REST route, or continues the one its
 * client's W3C {@code traceparent} names; Camel's observation tracer carries it through the routes and onto every Kafka
 * record ({@code traceparent}, which {@code KafkaHeaderFilter} lets through), and a consumer's route continues it, so
 * the log lines a submission causes in every service carry its trace id; the sync path's gRPC call carries it in its
 * message ({@link TraceParent}) (Camel puts the trace and span ids in each line's MDC,
 * {@code camel.main.use-mdc-logging}: the console pattern shows them, and so do JSON logs,
 * {@code logging.structured.format.console=ecs}). An outbox keeps the trace with each entry ({@link CurrentTrace}).
 * The Camel spans get a registry of their own with the tracing handlers only: the routes' timings are measured by
 * camel-micrometer already, so they make no second set of meters. Nothing is exported: spans end in the process.
 * {@code erp.tracing.enabled=false} switches it off.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration"})
public class ErpTracingAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "erp.tracing.enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnBean({Tracer.class, Propagator.class})
    static class Tracing {

        @Bean
        MicrometerObservationTracer camelObservationTracer(CamelContext camel, Tracer tracer, Propagator propagator,
                                                           @Value("${erp.tracing.exclude-patterns:}") String excluded) {
            ObservationRegistry spans = ObservationRegistry.create();
            spans.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                    new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                    new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                    new DefaultTracingObservationHandler(tracer)));
            // a service without the gRPC runtime (employee, notification) has no dispatch to continue a trace from
            MicrometerObservationTracer camelTracer = new TraceParent.Tracer(ClassUtils.isPresent(
                    "com.erp.routes.grpc.DispatchRequest", getClass().getClassLoader()), excluded);
            camelTracer.setTracer(tracer);
            camelTracer.setObservationRegistry(spans);
            camelTracer.init(camel);
            return camelTracer;
        }

        @Bean
        CurrentTrace currentTrace(Tracer tracer) {
            return () -> TraceParent.current(tracer);
        }
    }

    /** Tracing off: the outboxes keep no trace. */
    @Bean
    @ConditionalOnMissingBean
    CurrentTrace noTrace() {
        return CurrentTrace.NONE;
    }
}
