package com.erp.approvalrequest.api;

/** Body of POST /api/attachments (schema AttachmentUpload): a file's name and its bytes (base64 in the JSON). */
public record AttachmentUpload(String name, byte[] content) {
}
