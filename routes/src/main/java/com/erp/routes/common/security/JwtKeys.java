package com.erp.routes.common.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs tokens (RS256). It comes from a secret ({@code erp.auth.signing-key}), or from a
 * key file created on first start (the quick start: tokens survive a restart), or is made up for this run
 * (tests). Never from the repository.
 */
public final class JwtKeys {

    private static final Logger LOG = LoggerFactory.getLogger(JwtKeys.class);

    private final RSAKey rsaKey;

    private JwtKeys(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) {
        try {
            this.rsaKey = new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint()
                    .build();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JwtKeys from(AuthProperties props) {
        try {
            if (props.signingKey() != null && !props.signingKey().isBlank()) {
                return fromPem(props.signingKey());
            }
            if (props.keyFile() != null && !props.keyFile().isBlank()) {
                Path file = Path.of(props.keyFile());
                if (Files.exists(file)) {
                    return fromPem(Files.readString(file));
                }
                KeyPair pair = generate();
                SecretFiles.create(file, toPem(pair));
                LOG.info("created a new token signing key in {}", file);
                return of(pair);
            }
            LOG.warn("no erp.auth.signing-key or erp.auth.key-file: tokens are signed with a key made up for this run");
            return of(generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JwtKeys generated() {
        return of(generate());
    }

    private static JwtKeys of(KeyPair pair) {
        return new JwtKeys((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JwtKeys fromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new JwtKeys(publicKey, privateKey);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalStateException("erp.auth signing key is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private static String toPem(KeyPair pair) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    public RSAPublicKey publicKey() {
        try {
            return rsaKey.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public JWKSource<SecurityContext> jwkSource() {
        return new ImmutableJWKSet<>(new JWKSet(rsaKey));
    }

    /**
     * A secret for {@code purpose} derived from the signing key (HMAC-SHA256 keyed by the private key's encoding): the
     * same in every instance given the same key, and no more to keep. Nothing derived lets anyone sign tokens.
     */
    public byte[] derivedSecret(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rsaKey.toPrivateKey().getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("HmacSHA256 over the signing key", e);
        }
    }

    /** The public half only, as served by the JWKS endpoint. */
    public Map<String, Object> publicJwkSet() {
        return new JWKSet(rsaKey.toPublicJWK()).toJSONObject(true);
    }
}
