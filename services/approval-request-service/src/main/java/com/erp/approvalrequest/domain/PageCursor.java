package com.erp.approvalrequest.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a newest-first list ended: the last document's submission time and id (the id breaks ties
 * between documents submitted in the same millisecond). The next page starts after it, so documents submitted
 * meanwhile (all newer) do not shift it. Given to clients as an opaque URL-safe token.
 */
public record PageCursor(Instant submittedAt, String id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        return ENCODER.encodeToString((submittedAt.toEpochMilli() + "." + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a token stands for.
     *
     * @throws IllegalArgumentException if the token is not one {@link #encode()} made
     */
    public static PageCursor decode(String token) {
        try {
            String text = new String(DECODER.decode(token), StandardCharsets.UTF_8);
            int dot = text.indexOf('.');
            long millis = Long.parseLong(text.substring(0, dot)); // no dot, or nothing before it: refused here
            String id = text.substring(dot + 1);
            UUID.fromString(id); // document ids are UUIDs; anything else was not made here
            return new PageCursor(Instant.ofEpochMilli(millis), id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor this API gave", e);
        }
    }
}
