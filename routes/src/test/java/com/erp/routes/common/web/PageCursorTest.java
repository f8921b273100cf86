package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void aCursorSurvivesItsTokenAtMillisecondPrecision() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-12-02T03:04:05.678Z"), "0b6f7c1e-6a43-4d5e-9a3e-2f1c0d9e8b7a");
        String token = cursor.encode();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(token)).isEqualTo(cursor);
    }

    @Test
    void whomAnEntryIsForSurvivesItsTokenToo() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-12-02T03:04:05.678Z"), "0b6f7c1e-6a43-4d5e-9a3e-2f1c0d9e8b7a", 1002);
        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).isNotEqualTo(new PageCursor(cursor.at(), cursor.id()).encode());
    }

    @Test
    void aQueryParameterNamesACursorOrNoneAndABadOneIsA400NamingIt() {
        PageCursor inbox = new PageCursor(Instant.parse("2026-12-02T03:04:05.678Z"), "0b6f7c1e-6a43-4d5e-9a3e-2f1c0d9e8b7a", 1002);
        assertThat(PageCursor.fromQuery(null, false)).isNull();
        assertThat(PageCursor.fromQuery(inbox.encode(), true)).isEqualTo(inbox);
        for (String refused : new String[] {inbox.encode() /* an inbox's, on a document list */, "bm90LWEtY3Vyc29y"}) {
            assertThatThrownBy(() -> PageCursor.fromQuery(refused, false)).isInstanceOfSatisfying(ProblemException.class,
                    p -> assertThat(p.toProblem().errors()).extracting(FieldError::field).containsExactly("cursor"));
        }
    }

    @Test
    void tokensNotMadeHereAreRefused() {
        for (String bad : new String[] {"!!", "bm90LWEtY3Vyc29y" /* not-a-cursor */, "MTIzLg" /* 123. */,
                "YWJjLjBiNmY3YzFlLTZhNDMtNGQ1ZS05YTNlLTJmMWMwZDllOGI3YQ" /* abc.<uuid> */,
                "MTIzLm5vdC1hLXV1aWQ" /* 123.not-a-uuid */, token("123.0b6f7c1e-6a43-4d5e-9a3e-2f1c0d9e8b7a.x"),
                token("123.0b6f7c1e-6a43-4d5e-9a3e-2f1c0d9e8b7a.0"), token("123.0b6f7c1e-6a43-4d5e-9a3e-2f1c0d9e8b7a.-5"),
                token("123.0b6f7c1e-6a43-4d5e-9a3e-2f1c0d9e8b7a.5.6")}) {
            assertThatThrownBy(() -> PageCursor.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String token(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
