package com.erp.routes.approvalrequest;

import java.net.ConnectException;

import com.erp.routes.common.TraceParent;
import com.erp.routes.common.grpc.DispatchMessages;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/**
 * The synchronous dispatch path: the stored document is handed to approval-processing over gRPC
 * ({@code ApprovalDispatch/Dispatch}), which answers once the first step is active: 201 with that state. The
 * call runs in a circuit breaker and has a deadline of its own ({@code erp.approval-request.sync.deadline-ms}, on the
 * gRPC call: {@link com.erp.routes.common.grpc.CallDeadline}), so it never hangs and never answers late:
 * <ul>
 *   <li>processing certainly not reached (connection refused, or the circuit open after repeated failures): the
 *   document is removed again (its files no longer marked by it) and the answer is 503 with Retry-After: nothing was
 *   accepted. If it cannot be removed
 *   (the database away too), it stays and goes the asynchronous way, 202: a 503 would tell the client nothing was
 *   kept while the relay publishes it later, and their retry would make it twice; so too if the client's retry with
 *   the same Idempotency-Key was told meanwhile that it is kept (it claimed the document);</li>
 *   <li>processing refused it (INVALID_ARGUMENT: its version of the line's rules refuses what this service's let
 *   through, as during a rollout): nothing was activated, so the document is taken back the same way and the answer
 *   is 422 with processing's reason; one that cannot be taken back goes the asynchronous way, where processing
 *   refuses it again and it ends REJECTED with that reason;</li>
 *   <li>any other failure, a timeout above all, leaves the outcome unknown (processing may have activated the
 *   document): the document stays and goes the asynchronous way, 202. Processing is idempotent, so nothing is
 *   lost or done twice.</li>
 * </ul>
 * Either way the {@code approval.submitted} event is published for every other consumer.
 */
@Component
public class DispatchSyncRoute extends RouteBuilder {

    public static final String DISPATCH = "direct:approval-request.dispatch-sync";
    /** Removes the document whose dispatch never reached processing (body: its id). */
    public static final String WITHDRAW_UNSENT = "direct:approval-request.withdraw-unsent";
    /** Takes the document back after processing was not reached or refused it (variable {@code refusal}: its reason). */
    private static final String TAKE_BACK = "direct:approval-request.take-back";
    private static final String REFUSAL_HEADER = "ErpDispatchRefusal";

    @Override
    public void configure() {
        // These routes' failures are their callers' to answer (the submit route's problems, the catches below): none
        // has an error handler of its own, whose default one would log them as errors and mark them handled.
        from(DISPATCH).routeId("approval-request.dispatch-sync").errorHandler(noErrorHandler())
                // the trace as the route has it: processing continues it
                .setVariable("traceparent", method(TraceParent.class, "of"))
                // the document is stored: from here on, whatever fails ends in an answer about it, never a 500 that
                // a client would take for "not kept" while the relay publishes it
                .doTry()
                    .setBody(method(DispatchMessages.class,
                            "request(${variable.approval.submitted}, ${variable.callerToken}, ${variable.traceparent})"))
                    .bean("dispatchSeal", "seal")
                    .to("direct:approval-request.grpc-dispatch")
                    .setVariable("reply", body())
                    .setBody(variable("document"))
                    // the document's first event: nothing can overtake it, so the answer need not wait for Kafka
                    .to(OutboxRelayRoute.PUBLISH_DETACHED)
                    .removeHeaders("*")
                    .setHeader("Location", simple("/api/approvals/${variable.approval.id}"))
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
                    .bean("syncDispatch", "accepted(${variable.reply})")
                // one catch that chooses: a try's onWhen applies to every catch before it (TryDefinition.onWhen)
                .doCatch(Exception.class)
                    .process(e -> e.setVariable("refusal", refusal(failureOf(e))))
                    .choice()
                        .when(e -> notReached(failureOf(e)))
                            .log(LoggingLevel.WARN, "approval-processing not reachable; ${variable.approval.id} "
                                    + "withdrawn: ${exception.message}")
                            .to(TAKE_BACK)
                        .when(variable("refusal").isNotNull())
                            .log(LoggingLevel.WARN, "approval-processing refused ${variable.approval.id} "
                                    + "(${variable.refusal}); withdrawn")
                            .to(TAKE_BACK)
                        .otherwise()
                            .log(LoggingLevel.WARN, "synchronous dispatch of ${variable.approval.id} failed "
                                    + "(${exception.message}); it goes the asynchronous way")
                            .to(SubmitRoute.DISPATCH_ASYNC)
                    .end()
                .end();

        // processing never had it, or refused it: the document is taken back and the answer is 503, or 422 with the
        // refusal; if it cannot be taken back (the database away), or a submission sent again with its Idempotency-Key
        // was told it is kept meanwhile, it stays and goes the asynchronous way (202)
        from(TAKE_BACK).routeId("approval-request.take-back").errorHandler(noErrorHandler())
                .setVariable("withdrawn", constant(false))
                .doTry()
                    .setBody(simple("${variable.approval.id}"))
                    // (not waiting for the route if it is stopped: that fails at once, as the database away would)
                    .to(WITHDRAW_UNSENT + "?block=false")
                    .process(e -> e.setVariable("withdrawn",
                            e.getMessage().getHeader(MongoDbConstants.RECORDS_AFFECTED, 0L, Long.class) > 0))
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "${variable.approval.id} could not be withdrawn (${exception.message}); "
                            + "it goes the asynchronous way")
                .end()
                .choice()
                    .when(variable("withdrawn").isEqualTo(true))
                        // its files go like any not submitted, unless the client submits them again
                        .to(AttachmentRoutes.RELEASED)
                        .bean("syncDispatch", "notSubmitted(${variable.refusal})")
                    .otherwise()
                        .to(SubmitRoute.DISPATCH_ASYNC)
                .end();

        // removes it unless a replay of its submission claimed it (ApprovalDocuments.claimFromSyncDispatch)
        from(WITHDRAW_UNSENT).routeId("approval-request.withdraw-unsent").errorHandler(noErrorHandler())
                .setBody(method("approvalDocuments", "unclaimed"))
                .to("{{erp.approval-request.approvals}}&operation=remove");

        // processing's refusal is its answer, not a failed call: the breaker counts it a success (refusals during a
        // rollout must not open it for everyone's submissions), and it is thrown once out of it
        from("direct:approval-request.grpc-dispatch").routeId("approval-request.grpc-dispatch")
                .errorHandler(noErrorHandler())
                .circuitBreaker().id("processing-grpc-breaker").configuration("processing-grpc")
                    .doTry()
                        .to("grpc://{{erp.approval-request.sync.processing-address}}"
                                + "/com.erp.routes.grpc.ApprovalDispatch?method=dispatch&synchronous=true")
                    .doCatch(Exception.class).onWhen(e -> refusal(failureOf(e)) != null)
                        // a header: what the breaker's own copy of the exchange leaves is its message
                        .process(e -> e.getMessage().setHeader(REFUSAL_HEADER, refusal(failureOf(e))))
                    .end()
                .end()
                .filter(header(REFUSAL_HEADER).isNotNull())
                    .process(e -> {
                        throw new DispatchRefusedException(e.getMessage().getHeader(REFUSAL_HEADER, String.class));
                    })
                .end();
    }

    /**
     * True when the call certainly did not reach processing: the circuit was open, or no connection could be made
     * (UNAVAILABLE because of a refused connection). gRPC also says UNAVAILABLE when a connection breaks after the
     * request went out, and then processing may have activated the document: that is not "not reached".
     */
    public static boolean notReached(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return true;
            }
            if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                return causedByRefusedConnection(s.getStatus().getCause());
            }
        }
        return false;
    }

    /**
     * Processing's reason when it refused the submission (INVALID_ARGUMENT: it activated nothing), else null. Its
     * other refusals (the token, the seal) are this deployment's own faults, not the drafter's: those go the
     * asynchronous way, as any failure does.
     */
    public static String refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DispatchRefusedException r) {
                return r.getMessage();
            }
            if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                String reason = s.getStatus().getDescription();
                return reason == null || reason.isBlank() ? "the approval line breaks its rules" : reason;
            }
        }
        return null;
    }

    private static boolean causedByRefusedConnection(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable failureOf(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
