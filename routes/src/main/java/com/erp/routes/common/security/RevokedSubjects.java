package com.erp.routes.common.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.erp.routes.common.events.TokenRevocation;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The tokens refused before they expire: of those who left, all; of those whose record an administrator changed, the
 * ones issued at an older token version (claim {@value TokenIssuer#CLAIM_TOKEN_VERSION}; none: version 0); and each
 * token logged out of (by its id, claim {@code jti}). Each
 * service learns them from {@code erp.topics.tokens-revoked}, read from its beginning at every start (route {@code
 * common.revocations}); employee-service also applies its own at once. Its token validator ({@link #validator}) asks
 * here on every request, also for a token whose signature it remembers; listeners (the WebSocket endpoints) close
 * what the person has open.
 */
public class RevokedSubjects {

    /** a subject that names an employee (checked at every request: compiled once) */
    private static final Pattern EMPLOYEE_ID = Pattern.compile("[0-9]{1,18}");

    private final Map<Long, TokenRevocation> latest = new ConcurrentHashMap<>();
    private final List<Consumer<TokenRevocation>> listeners = new CopyOnWriteArrayList<>();

    /** Keeps the person's latest revocation (a replayed older one changes nothing) and tells the listeners of a new one. */
    public void revoke(TokenRevocation event) {
        TokenRevocation kept = latest.merge(event.employee().id(), event, (had, now) -> newer(now, had) ? now : had);
        if (kept == event) { // one superseded already (read again, redelivered) closes nothing
            listeners.forEach(l -> l.accept(event));
        }
    }

    /**
     * Every revocation raises the person's token version and every record their revision, so the higher version, then
     * the higher revision, is the later one, whatever order they are read in (a departure read again after the return,
     * 복직, that superseded it changes nothing; nor does a logout's record read again after the next); at the same
     * both a departure wins. The version first: a record written by a process that knew no revisions yet (during an
     * upgrade) raised the version alone.
     */
    static boolean newer(TokenRevocation a, TokenRevocation b) {
        if (a.tokenVersion() != b.tokenVersion()) {
            return a.tokenVersion() > b.tokenVersion();
        }
        return a.revision() > b.revision() || a.revision() == b.revision()
                && a.reason() == TokenRevocation.Reason.DEPARTED && b.reason() != TokenRevocation.Reason.DEPARTED;
    }

    public void onRevoke(Consumer<TokenRevocation> listener) {
        listeners.add(listener);
    }

    /** Whether {@code employeeId} left (퇴사), as far as this process has read. */
    public boolean departed(long employeeId) {
        TokenRevocation r = latest.get(employeeId);
        return r != null && r.reason() == TokenRevocation.Reason.DEPARTED;
    }

    /** Whether a token of {@code employeeId} issued at {@code tokenVersion}, with no id, is refused. */
    public boolean refuses(long employeeId, long tokenVersion) {
        return refuses(employeeId, tokenVersion, null);
    }

    /** Whether a token of {@code employeeId} issued at {@code tokenVersion} with id {@code tokenId} is refused. */
    public boolean refuses(long employeeId, long tokenVersion, String tokenId) {
        TokenRevocation r = latest.get(employeeId);
        return r != null && r.refuses(tokenVersion, tokenId);
    }

    /** Refuses a revoked token, saying why. */
    public OAuth2TokenValidator<Jwt> validator() {
        return jwt -> {
            String sub = jwt.getSubject();
            TokenRevocation r = sub == null || !EMPLOYEE_ID.matcher(sub).matches() ? null : latest.get(Long.parseLong(sub));
            if (r == null || !r.refuses(tokenVersion(jwt), jwt.getId())) {
                return OAuth2TokenValidatorResult.success();
            }
            String why = r.reason() == TokenRevocation.Reason.DEPARTED
                    ? "The account of this token was closed on " + r.occurredAt() + "."
                    : tokenVersion(jwt) >= r.tokenVersion() ? "This token was logged out of; sign in again."
                    : "This token was issued before the account was changed (" + r.occurredAt() + "); sign in again.";
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
        };
    }

    /** The token version a token was issued at; 0 when it says none. */
    public static long tokenVersion(Jwt jwt) {
        Object tv = jwt.getClaim(TokenIssuer.CLAIM_TOKEN_VERSION);
        return tv instanceof Number n ? n.longValue() : 0;
    }
}
