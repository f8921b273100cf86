package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/**
 * 첨부파일 (bean {@code attachments}): a file is uploaded (its bytes base64 in the JSON), kept in MongoDB, and named
 * by a submission; whoever may read the document downloads it from there. No Kafka: a file concerns nobody until the
 * document that carries it is submitted, and then the document's own events tell them.
 */
@Component
public class AttachmentRoutes extends RouteBuilder {

    private static final String ATTACHMENTS = "{{erp.approval-request.attachments}}";

    @Override
    public void configure() {
        from("direct:uploadAttachment").routeId("approval-request.attachment-upload")
                .routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setBody(method("attachments", "upload(${variable.caller}, ${body})"))
                .setVariable("file", body())
                .to(ATTACHMENTS + "&operation=insert")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
                .bean("attachments", "view(${variable.file})");

        // the document as its page would be read (DocumentQueryRoutes.READ: the right to read it), then the file
        from("direct:downloadAttachment").routeId("approval-request.attachment-download")
                .routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .to(DocumentQueryRoutes.READ)
                .setBody(method("attachments",
                        "onDocument(${variable.document}, ${variable.caller}, ${variable.deputy}, ${header.attachmentId})"))
                .to(ATTACHMENTS + "&operation=findById")
                .setVariable("file", body())
                .setBody(method("attachments", "bytes(${variable.file})"))
                .removeHeaders("*")
                // not JSON: the REST binding leaves the bytes as they are
                .setHeader(Exchange.CONTENT_TYPE, method("attachments", "responseType(${variable.file})"))
                .setHeader("Content-Disposition", method("attachments", "disposition(${variable.file})"))
                .setHeader("X-Content-Type-Options", constant("nosniff"));

        // the files a submission names (variable request), the caller's own, as variable attachments
        from(ATTACHED).routeId("approval-request.attached").errorHandler(noErrorHandler())
                .setVariable("attachments", constant(java.util.List.of()))
                .filter(simple("${variable.request.attachmentIds} != null"))
                    .setHeader(MongoDbConstants.CRITERIA,
                            method("attachments", "owned(${variable.caller}, ${variable.request.attachmentIds})"))
                    .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("attachments", "summaryFields"))
                    .to(ATTACHMENTS + "&operation=findAll")
                    .removeHeaders("CamelMongoDb*")
                    .setVariable("attachments", method("attachments", "chosen(${variable.request.attachmentIds}, ${body})"))
                .end();

        cleanup();
    }

    /**
     * Files uploaded but never submitted are not kept: each file old enough and never looked at is looked up once
     * among the documents; one that a document carries is marked so and kept, one that none does is removed. (A
     * submission does not mark its files itself: a document the synchronous path removes again would leave them
     * marked for nothing.)
     */
    private void cleanup() {
        from("timer:attachments-cleanup?delay={{erp.approval-request.attachments-cleanup-ms}}"
                + "&period={{erp.approval-request.attachments-cleanup-ms}}")
                .routeId("approval-request.attachment-cleanup")
                .setHeader(MongoDbConstants.CRITERIA, method("attachments", "unchecked"))
                .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("attachments", "idOnly"))
                .setHeader(MongoDbConstants.LIMIT, constant(100))
                .to(ATTACHMENTS + "&operation=findAll")
                .split(body())
                    .removeHeaders("CamelMongoDb*")
                    .setVariable("fileId", simple("${body[_id]}"))
                    .setBody(method("attachments", "carrying(${variable.fileId})"))
                    .to("{{erp.approval-request.approvals}}&operation=count")
                    .choice()
                        .when(body().isGreaterThan(0))
                            .setBody(method("attachments", "checked(${variable.fileId})"))
                            .to(ATTACHMENTS + "&operation=update")
                        .otherwise()
                            .log("removing file ${variable.fileId}: uploaded but never submitted")
                            .setBody(method("attachments", "byId(${variable.fileId})"))
                            .to(ATTACHMENTS + "&operation=remove")
                    .end()
                .end();
    }

    /** Sets variable {@code attachments} from {@code variable.request.attachmentIds} (the caller's own files). */
    public static final String ATTACHED = "direct:approval-request.attached";
}
