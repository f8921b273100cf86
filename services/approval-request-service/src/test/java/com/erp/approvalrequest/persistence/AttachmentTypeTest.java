package com.erp.approvalrequest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The type a download is answered with: the file's own, unless a browser could run it or the binding re-encode it. */
class AttachmentTypeTest {

    private final Attachments attachments = new Attachments(Clock.systemUTC(), 10, 100, Duration.ofDays(1),
            Duration.ofMinutes(10));

    private String answered(String stored) {
        return attachments.responseType(new Document("contentType", stored));
    }

    @Test
    void officeAndOtherTypesAreKept() {
        for (String type : new String[] {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "application/pdf", "image/png", "application/x-hwp", "application/hwp+zip", "text/csv"}) {
            assertThat(answered(type)).as(type).isEqualTo(type);
        }
    }

    @Test
    void whatABrowserRunsOrTheBindingTakesForJsonIsSentAsBytes() {
        for (String type : new String[] {"text/html", "application/xhtml+xml", "image/svg+xml", "application/xml",
                "text/xml; charset=utf-8", "application/json", "application/problem+json", "TEXT/HTML",
                "text/javascript", "", "nonsense"}) {
            assertThat(answered(type)).as(type).isEqualTo("application/octet-stream");
        }
        assertThat(attachments.responseType(new Document())).isEqualTo("application/octet-stream");
    }
}
