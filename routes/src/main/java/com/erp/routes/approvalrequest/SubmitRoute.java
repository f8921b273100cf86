package com.erp.routes.approvalrequest;

import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/**
 * Submit: the drafter (from the token), the approval line (named approvers, or the org chart's default, from
 * employee-service; with a 합의 step of agreers if asked), the people in cc (참조), the receivers (수신) and the
 * receiving departments (수신처), looked up the same way, make a new document, which is stored in MongoDB together with its
 * {@code approval.submitted} event in an outbox. Then it is dispatched to approval-processing, the way the
 * dispatch mode (or the request's {@code X-Dispatch-Mode}) says:
 * <ul>
 *   <li>async: the answer is 202 as soon as the document is stored; the event is published to Kafka from the
 *   outbox's queue meanwhile, and if Kafka is down the outbox relay publishes it later, so nothing accepted is
 *   lost;</li>
 *   <li>sync: a gRPC call waits until processing has activated the first step; 201 ({@link DispatchSyncRoute}).</li>
 * </ul>
 * A leave document always goes the async way: employee-service reserves its days from the event first, and only then
 * does processing start it ({@code approval.leave-reserved}), or it is refused ({@code approval.leave-refused}).
 * A submission with an {@code Idempotency-Key} the drafter used before is answered with the document made then (202):
 * a client that retries after a timeout or a 503 does not submit twice; while that document is still on its
 * synchronous way (it may yet be taken back, 503) the answer is 409 with Retry-After, never a 202 for a document
 * that is then gone.
 */
@Component
public class SubmitRoute extends RouteBuilder {

    public static final String ROUTE_ID = "approval-request.submit";
    /** Publishes the stored document's event and answers 202 (also the sync path's fallback). */
    public static final String DISPATCH_ASYNC = "direct:approval-request.dispatch-async";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String SUBMITTED_BEFORE = "direct:approval-request.submitted-before";
    private static final String REPLAY = "direct:approval-request.submission-replayed";
    /**
     * The new document from the request: its line and cc looked up, the rules checked, its files (첨부파일) found (also
     * for resubmissions).
     */
    public static final String DRAFT = "direct:approval-request.draft";

    @Override
    public void configure() {
        // a leave document has no choice of path (it waits for the leave ledger), so it is not counted on one either
        org.apache.camel.Predicate choosesItsPath = simple("${variable.request.type} != '" + LeaveRules.FORM + "'");
        from("direct:submitApproval").routeId(ROUTE_ID).routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("dispatchMode", "permit(${header[X-Dispatch-Mode]}, ${variable.caller})")
                .setVariable("request", body())
                // sent again with an Idempotency-Key used before: the first one's answer, nothing drafted or submitted
                // (not even refused: the line's people may have changed since)
                .filter(header(IDEMPOTENCY_KEY).isNotNull())
                    .to(SUBMITTED_BEFORE)
                    .filter(variable("first").isNotNull())
                        .to(REPLAY)
                        .stop()
                    .end()
                .end()
                .to(DRAFT)
                // a leave document waits for the leave ledger to hold its days before processing starts it
                .setVariable("sync", constant(false))
                .filter(choosesItsPath)
                    // chosen here, since the document records it; counted once it is stored
                    .setVariable("sync", method("dispatchMode", "chosen(${header[X-Dispatch-Mode]})"))
                .end()
                .bean("approvalDocuments", "newDocument(${body}, ${variable.attachments})")
                .bean("approvalDocuments", "keyed(${body}, ${variable.caller.id}, ${header[" + IDEMPOTENCY_KEY + "]}, "
                        + "${variable.sync})")
                .setVariable("document", body())
                .doTry()
                    .to("{{erp.approval-request.approvals}}&operation=insert")
                .doCatch(Exception.class).onWhen(e -> MongoFailures.duplicateKey(e)
                        && e.getMessage().getHeader(IDEMPOTENCY_KEY) != null)
                    // the same key sent twice at the same moment: the first one stored is the answer to both
                    .to(SUBMITTED_BEFORE)
                    .to(REPLAY)
                    .stop()
                .end()
                .filter(choosesItsPath)
                    .bean("dispatchMode", "counted(${variable.sync})")
                .end()
                .choice()
                    .when(variable("sync").isEqualTo(true))
                        .to(DispatchSyncRoute.DISPATCH)
                    .otherwise()
                        .to(DISPATCH_ASYNC)
                .end();

        // variable request (and caller, callerToken; resubmissionOf for a resubmission) -> variable and body approval
        // the caller's error handling answers its failures (403/422/503), not this route's
        from(DRAFT).routeId("approval-request.draft").errorHandler(noErrorHandler())
                // the org chart's line also for named approvers: its authority must end theirs (결재권한)
                .setVariable("defaultLine", method("employeeDirectory",
                        "defaultLine(${variable.caller.id}, ${variable.callerToken})"))
                .setVariable("line", variable("defaultLine"))
                .filter(simple("${variable.request.approverIds} != null"))
                    .setVariable("line", method("employeeDirectory",
                            "approvers(${variable.request.approverIds}, ${variable.callerToken})"))
                .end()
                .setVariable("cc", constant(java.util.List.of()))
                // (an empty list costs no lookup: the directory answers it from its cache)
                .filter(simple("${variable.request.ccIds} != null"))
                    .setVariable("cc", method("employeeDirectory", "approvers(${variable.request.ccIds}, ${variable.callerToken})"))
                .end()
                .setVariable("agreers", constant(java.util.List.of()))
                .filter(simple("${variable.request.agreement} != null"))
                    .setVariable("agreers", method("employeeDirectory",
                            "approvers(${variable.request.agreement.agreerIds}, ${variable.callerToken})"))
                .end()
                .setVariable("receivers", constant(java.util.List.of()))
                .filter(simple("${variable.request.receiverIds} != null"))
                    .setVariable("receivers", method("employeeDirectory",
                            "approvers(${variable.request.receiverIds}, ${variable.callerToken})"))
                .end()
                .setVariable("receivingDepartments", constant(java.util.List.of()))
                .filter(simple("${variable.request.receiverDepartmentIds} != null"))
                    .setVariable("receivingDepartments", method("employeeDirectory",
                            "departments(${variable.request.receiverDepartmentIds}, ${variable.callerToken})"))
                .end()
                // a leave: the drafter's leaves of its year cancelled (휴가 취소), which the ledger may not have freed yet
                .setVariable("cancelledLeaves", constant(java.util.List.of()))
                .filter(simple("${variable.request.type} == '" + LeaveRules.FORM + "' && ${variable.request.leave} != null"))
                    .removeHeaders("CamelMongoDb*")
                    .setHeader(MongoDbConstants.CRITERIA, method("approvalDocuments",
                            "cancelledLeavesOf(${variable.caller.id}, ${variable.request.leave})"))
                    .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("approvalDocuments", "cancelledLeaveFields"))
                    .to("{{erp.approval-request.approvals}}&operation=findAll")
                    .removeHeaders("CamelMongoDb*")
                    .setVariable("cancelledLeaves", method("approvalDocuments", "cancelledLeaves(${body})"))
                .end()
                .bean("submissions", "draft(${variable.request}, ${variable.caller}, ${variable.line}, ${variable.defaultLine}, "
                        + "${variable.cc}, "
                        + "${variable.agreers}, ${variable.receivers}, ${variable.receivingDepartments}, "
                        + "${variable.resubmissionOf}, ${variable.cancelledLeaves})")
                .setVariable("approval", body())
                .to(AttachmentRoutes.ATTACHED)
                .setBody(variable("approval"));

        // header Idempotency-Key, variable caller -> variable first: the document the caller submitted with it, or null
        from(SUBMITTED_BEFORE).routeId("approval-request.submitted-before").errorHandler(noErrorHandler())
                .removeHeaders("CamelMongoDb*")
                .setBody(method("approvalDocuments", "byIdempotencyKey(${variable.caller.id}, ${header[" + IDEMPOTENCY_KEY + "]})"))
                .to("{{erp.approval-request.approvals}}&operation=findOneByQuery")
                .removeHeaders("CamelMongoDb*")
                .setVariable("first", body());

        // variable first -> the answer; its headers only once it is one (not on a 409's problem)
        from(REPLAY).routeId("approval-request.submission-replayed").errorHandler(noErrorHandler())
                .filter(method("submissions", "claimable(${variable.first})"))
                    // past the time the synchronous way may take it back: from now on it never does (DispatchSyncRoute)
                    .setBody(method("approvalDocuments", "claimFromSyncDispatch(${variable.first[_id]})"))
                    .to("{{erp.approval-request.approvals}}&operation=update")
                    .filter(header(MongoDbConstants.RECORDS_AFFECTED).isEqualTo(0L))
                        // taken back just before, or claimed by another replay: answered as it is now
                        .to(SUBMITTED_BEFORE)
                    .end()
                .end()
                .removeHeaders("*")
                .bean("submissions", "replayed(${variable.first})")
                .setHeader("Location", simple("/api/approvals/${variable.first[_id]}"))
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));

        from(DISPATCH_ASYNC).routeId("approval-request.dispatch-async").errorHandler(noErrorHandler())
                .setBody(variable("document"))
                // the document's first event: nothing can overtake it, so the answer need not wait for Kafka
                .to(OutboxRelayRoute.PUBLISH_DETACHED)
                .removeHeaders("*")
                .setHeader("Location", simple("/api/approvals/${variable.approval.id}"))
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .bean("submissions", "accepted(${variable.approval.id})");
    }
}
