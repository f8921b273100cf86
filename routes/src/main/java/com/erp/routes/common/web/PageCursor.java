package com.erp.routes.common.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a list ordered by time ended: the last entry's time (to the millisecond), its document id (which
 * breaks ties within a millisecond) and, where one document can be listed more than once, {@code by}: whom that
 * entry is for (0 when unused; an inbox lists a document once per approver its caller stands in for). The next page
 * starts after it, so entries added meanwhile at the list's far end do not shift it. Given to clients as an opaque
 * URL-safe token.
 */
public record PageCursor(Instant at, String id, long by) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public PageCursor(Instant at, String id) {
        this(at, id, 0);
    }

    public String encode() {
        String text = at.toEpochMilli() + "." + id + (by == 0 ? "" : "." + by);
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a list's {@code cursor} query parameter names, null when it names none; a token this API did not
     * give (or, unless {@code whomFor}, one with whom an entry is for: an inbox's, not a document list's) is a 400
     * naming the parameter.
     */
    public static PageCursor fromQuery(String token, boolean whomFor) {
        if (token == null) {
            return null;
        }
        try {
            PageCursor cursor = decode(token);
            if (!whomFor && cursor.by() != 0) {
                throw new IllegalArgumentException("an inbox's cursor, not a document list's");
            }
            return cursor;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The cursor is not one this API gave: pass a page's nextCursor unchanged.",
                    java.util.List.of(new FieldError("cursor", e.getMessage())));
        }
    }

    /**
     * The cursor a token stands for.
     *
     * @throws IllegalArgumentException if the token is not one {@link #encode()} made
     */
    public static PageCursor decode(String token) {
        try {
            String[] parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split("\\.", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("not in parts");
            }
            long millis = Long.parseLong(parts[0]);
            UUID.fromString(parts[1]); // document ids are UUIDs; anything else was not made here
            long by = parts.length == 3 ? Long.parseLong(parts[2]) : 0;
            if (by < 0 || parts.length == 3 && by == 0) {
                throw new IllegalArgumentException("not a person");
            }
            return new PageCursor(Instant.ofEpochMilli(millis), parts[1], by);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor this API gave", e);
        }
    }
}
