package com.erp.approvalrequest.api;

/** Schema Attachment: a file on a document (첨부파일), or uploaded to be put on one. */
public record Attachment(String id, String name, String contentType, long size) {
}
