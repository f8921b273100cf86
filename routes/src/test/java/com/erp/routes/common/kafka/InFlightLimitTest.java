package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Five consumers, a limit of two: two exchanges get past it, the others wait until those are done, failed or not. */
class InFlightLimitTest {

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(10);
        }
    }

    @Test
    void atMostSoManyArePastItAndAFailedOneCountsAsDone() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        CountDownLatch open = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    from("seda:in?concurrentConsumers=5").routeId("limited")
                            .process(limit)
                            .process(e -> {
                                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                                open.await();
                                inside.decrementAndGet();
                                done.incrementAndGet();
                                if (e.getMessage().getBody(Integer.class) % 2 == 0) {
                                    throw new IllegalStateException("this send failed");
                                }
                            });
                }
            });
            camel.start();
            ProducerTemplate sender = camel.createProducerTemplate();
            for (int i = 0; i < 5; i++) {
                sender.sendBody("seda:in", i);
            }
            await(() -> inside.get() == 2, "two past the limit");
            Thread.sleep(300);
            assertThat(inside.get()).as("the other three wait").isEqualTo(2);
            assertThat(limit.inFlight()).isEqualTo(2);

            open.countDown();
            await(() -> done.get() == 5, "all five done");
            await(() -> limit.inFlight() == 0, "every permit back, also those of the failed ones");
            assertThat(most.get()).isEqualTo(2);
        }
    }
}
