package com.erp.routes.common.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified. A client sends the same token with each of its requests, and
 * checking an RSA signature was the largest single cost of a request under load. The key is the whole token
 * (header, claims and signature), so only the very same string is taken from memory; its claims are validated
 * again on every use, so an expired token is refused as before.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier  checks the signature and the claims
     * @param validator the claim checks (expiry, issuer) to repeat on each use of a remembered token
     */
    public VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int maxTokens, Duration keep) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(keep).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            // the first reason a check gave (expired, account closed), in words
            String why = result.getErrors().stream().map(e -> e.getDescription()).filter(d -> d != null && !d.isBlank())
                    .findFirst().orElse("The token is no longer valid.");
            throw new JwtValidationException(why, result.getErrors());
        }
        return known;
    }
}
