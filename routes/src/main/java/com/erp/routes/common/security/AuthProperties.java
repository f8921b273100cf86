package com.erp.routes.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code erp.auth.*}: how tokens are issued and verified.
 *
 * @param issuer      the {@code iss} claim written and required
 * @param jwkSetUri   where to fetch the public keys (a service that does not issue tokens); when blank this
 *                    JVM holds the key itself (employee-service, standalone, tests)
 * @param signingKey  the RSA private key as PKCS#8 PEM, from a secret; when blank, {@code keyFile} is used
 * @param keyFile     a file holding the key, created on first start; when blank the key is ephemeral
 * @param tokenTtl    how long a token is valid
 * @param cookieName  the cookie that carries the token for the browser console and WebSocket handshakes
 * @param verifiedTokenCacheSize how many verified tokens are remembered ({@link VerifiedTokenCache})
 * @param cookieSecure whether the cookie is marked {@code Secure} (sent over HTTPS only): where the users reach the
 *                    system over HTTPS; not the quick start's plain http://localhost
 */
@ConfigurationProperties("erp.auth")
public record AuthProperties(String issuer, String jwkSetUri, String signingKey, String keyFile, Duration tokenTtl,
                             String cookieName, int verifiedTokenCacheSize, boolean cookieSecure) {

    public boolean holdsKey() {
        return jwkSetUri == null || jwkSetUri.isBlank();
    }
}
