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
                .setVariable("upload", body())
                // at most so many files and bytes a person's last day of uploads
                .setBody(method("attachments", "recentUploadsOf(${variable.caller})"))
                .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("attachments", "sizeField"))
                .to(ATTACHMENTS + "&operation=findAll")
                .removeHeaders("CamelMongoDb*")
                .bean("attachments", "roomFor(${body}, ${variable.upload})")
                .setBody(method("attachments", "upload(${variable.caller}, ${variable.upload})"))
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
                // (X-Content-Type-Options: nosniff is one of the security headers every answer carries)
                .setHeader("Content-Disposition", method("attachments", "disposition(${variable.file})"));

        // the files a submission names (variable request), the caller's own, as variable attachments; marked as
        // submitted before the document is stored, so the cleanup never removes a file a document carries (one it
        // removed first is not marked: the caller hears so, nothing is stored); the same for a draft's files, marked
        // as kept by the draft (variable keepInDraft: its id) before it is stored
        from(ATTACHED).routeId("approval-request.attached").errorHandler(noErrorHandler())
                .setVariable("attachments", constant(java.util.List.of()))
                .filter(simple("${variable.request.attachmentIds} != null"))
                    .setHeader(MongoDbConstants.CRITERIA,
                            method("attachments", "owned(${variable.caller}, ${variable.request.attachmentIds})"))
                    .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("attachments", "summaryFields"))
                    .to(ATTACHMENTS + "&operation=findAll")
                    .removeHeaders("CamelMongoDb*")
                    .setVariable("attachments", method("attachments", "chosen(${variable.request.attachmentIds}, ${body})"))
                    .setBody(method("attachments",
                            "mark(${variable.caller}, ${variable.request.attachmentIds}, ${variable.keepInDraft}, "
                            + "${variable.approval})"))
                    .setHeader(MongoDbConstants.MULTIUPDATE, constant(true))
                    .to(ATTACHMENTS + "&operation=update")
                    .removeHeaders("CamelMongoDb*")
                    .bean("attachments", "allMarked(${variable.request.attachmentIds}, ${body.matchedCount})")
                .end();

        // a document taken back before anyone saw it (variable approval, variable request): its files are no longer
        // marked by it. A failure only leaves them marked (kept, not lost), so the caller goes on either way.
        from(RELEASED).routeId("approval-request.attachments-released").errorHandler(noErrorHandler())
                .filter(simple("${variable.request.attachmentIds} != null && ${variable.request.attachmentIds.size} > 0"))
                    .doTry()
                        .setBody(method("attachments",
                                "releasedFromDocument(${variable.approval.id}, ${variable.request.attachmentIds})"))
                        .to(ATTACHMENTS + "&operation=bulkWrite")
                    .doCatch(Exception.class)
                        .log(org.apache.camel.LoggingLevel.WARN, "the files of ${variable.approval.id}, taken back, "
                                + "stay marked by it: ${exception.message}")
                    .end()
                    .removeHeaders("CamelMongoDb*")
                .end();

        cleanup();
    }

    /**
     * Files uploaded but never submitted are not kept: those a submission never marked (see {@link #ATTACHED}) are
     * removed once older than a submission may take, in one conditional remove, so a file a submission marks at the
     * same moment stays. First, marks naming a draft or document that was never stored (or is gone) are taken off,
     * looked at once for each marking, so long after it that what marked the file is stored if it ever will be.
     */
    private void cleanup() {
        from("timer:attachments-cleanup?delay={{erp.approval-request.attachments-cleanup-ms}}"
                + "&period={{erp.approval-request.attachments-cleanup-ms}}")
                .routeId("approval-request.attachment-cleanup")
                // 500 at a time, until a page is short (those looked at are no longer due), at most 100 pages a run
                .setVariable("pages", constant(0))
                .setVariable("more", constant(true))
                .loopDoWhile(simple("${variable.more}"))
                    .setBody(method("attachments", "marksDue"))
                    .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("attachments", "markFields"))
                    .setHeader(MongoDbConstants.LIMIT, constant(500))
                    .to(ATTACHMENTS + "&operation=findAll")
                    .removeHeaders("CamelMongoDb*")
                    .setVariable("marked", body())
                    .process(e -> {
                        int pages = e.getVariable("pages", Integer.class) + 1;
                        e.setVariable("pages", pages);
                        e.setVariable("more", e.getVariable("marked", java.util.List.class).size() == 500 && pages < 100);
                    })
                    .filter(simple("${body.size} > 0"))
                        .setBody(method("attachments", "named(${variable.marked}, 'drafts')"))
                        .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("attachments", "idField"))
                        .to("{{erp.approval-request.drafts}}&operation=findAll")
                        .removeHeaders("CamelMongoDb*")
                        .setVariable("drafts", body())
                        .setBody(method("attachments", "named(${variable.marked}, 'documents')"))
                        .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("attachments", "idField"))
                        .to("{{erp.approval-request.approvals}}&operation=findAll")
                        .removeHeaders("CamelMongoDb*")
                        .setBody(method("attachments", "marksChecked(${variable.marked}, ${variable.drafts}, ${body})"))
                        .to(ATTACHMENTS + "&operation=bulkWrite")
                        .removeHeaders("CamelMongoDb*")
                    .end()
                .end()
                .setBody(method("attachments", "unsubmitted"))
                .to(ATTACHMENTS + "&operation=remove")
                .filter(simple("${body.deletedCount} > 0"))
                    .log("removed ${body.deletedCount} file(s) uploaded but never submitted");
    }

    /**
     * Sets variable {@code attachments} from {@code variable.request.attachmentIds} (the caller's own files), marked as
     * carried by the document {@code variable.approval}, or as kept by the draft {@code variable.keepInDraft} when set.
     */
    public static final String ATTACHED = "direct:approval-request.attached";

    /** Unmarks the files of the document {@code variable.approval} that was taken back (the sync path's 503). */
    public static final String RELEASED = "direct:approval-request.attachments-released";
}
