package com.erp.routes.common.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.erp.routes.common.events.TokenRevocation;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The tokens refused before they expire: per person, those issued before a moment (they left, or their record changed
 * so that their tokens say what is no longer true). Each service learns them from {@code erp.topics.tokens-revoked},
 * read from its beginning at every start (route {@code common.revocations}); employee-service also applies its own at
 * once. Its token validator ({@link #validator}) asks here on every request, also for a token whose signature it
 * remembers; listeners (the WebSocket endpoints) close what the person has open.
 */
public class RevokedSubjects {

    private final Map<Long, TokenRevocation> latest = new ConcurrentHashMap<>();
    private final List<Consumer<TokenRevocation>> listeners = new CopyOnWriteArrayList<>();

    /** Keeps the latest bound for the person (a replayed older event does not lower it) and tells the listeners. */
    public void revoke(TokenRevocation event) {
        latest.merge(event.employee().id(), event,
                (had, now) -> now.issuedBefore().isAfter(had.issuedBefore()) ? now : had);
        listeners.forEach(l -> l.accept(event));
    }

    public void onRevoke(Consumer<TokenRevocation> listener) {
        listeners.add(listener);
    }

    /** Whether {@code employeeId} left (퇴사), as far as this process has read. */
    public boolean departed(long employeeId) {
        TokenRevocation r = latest.get(employeeId);
        return r != null && r.reason() == TokenRevocation.Reason.DEPARTED;
    }

    /** The earliest time a new token of {@code employeeId} may be issued at and be taken; null: any time. */
    public Instant notBefore(long employeeId) {
        TokenRevocation r = latest.get(employeeId);
        return r == null ? null : r.issuedBefore();
    }

    /** Whether a token of {@code employeeId} issued at {@code issuedAt} (null: unknown) is refused. */
    public boolean refuses(long employeeId, Instant issuedAt) {
        TokenRevocation r = latest.get(employeeId);
        return r != null && (issuedAt == null || issuedAt.isBefore(r.issuedBefore()));
    }

    /** Refuses a token whose subject's tokens of its issue time were revoked, saying why. */
    public OAuth2TokenValidator<Jwt> validator() {
        return jwt -> {
            String sub = jwt.getSubject();
            TokenRevocation r = sub == null || !sub.matches("[0-9]{1,18}") ? null : latest.get(Long.parseLong(sub));
            if (r == null || !refuses(r.employee().id(), jwt.getIssuedAt())) {
                return OAuth2TokenValidatorResult.success();
            }
            String why = r.reason() == TokenRevocation.Reason.DEPARTED
                    ? "The account of this token was closed on " + r.occurredAt() + "."
                    : "This token was issued before the account was changed (" + r.occurredAt() + "); sign in again.";
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
        };
    }
}
