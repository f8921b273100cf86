package com.erp.routes.common.grpc;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.erp.routes.grpc.DispatchRequest;
import com.google.protobuf.ByteString;
import io.grpc.Status;

/**
 * The seal on a gRPC dispatch: an HMAC-SHA256 of the request (without its seal) under a key that approval-request
 * and approval-processing share. A dispatch describes the document it starts (type, line, cc), and processing
 * believes it; the drafter's token alone would let a drafter who reaches the port start a document of their own
 * making (a leave document as a general one, a line of their choosing). The seal says that approval-request,
 * which stored the document, wrote the description. Without a configured key the process makes up its own, which
 * serves standalone (both sides in one process); a service with one side only does not start without the shared
 * key ({@link com.erp.routes.common.ErpDispatchAutoConfiguration}). A key that differs between the two (a rotation
 * half done) makes dispatches PERMISSION_DENIED.
 */
public final class DispatchSeal {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final boolean configured;

    private DispatchSeal(byte[] key, boolean configured) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("erp.dispatch.key must hold at least " + MIN_KEY_BYTES + " bytes (base64)");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.configured = configured;
    }

    /** @param base64Key the shared key (erp.dispatch.key, from a secret); blank: a key of this process's own */
    public static DispatchSeal of(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            byte[] own = new byte[MIN_KEY_BYTES];
            new SecureRandom().nextBytes(own);
            return new DispatchSeal(own, false);
        }
        return new DispatchSeal(Base64.getDecoder().decode(base64Key.trim()), true);
    }

    /** Whether the key was given (shared between processes) rather than made up by this one. */
    public boolean configured() {
        return configured;
    }

    public DispatchRequest seal(DispatchRequest request) {
        return request.toBuilder().setSeal(ByteString.copyFrom(mac(request))).build();
    }

    /** The request, if its seal is right; otherwise PERMISSION_DENIED, which the caller receives. */
    public DispatchRequest verify(DispatchRequest request) {
        if (request.getSeal().isEmpty() || !MessageDigest.isEqual(mac(request), request.getSeal().toByteArray())) {
            throw Status.PERMISSION_DENIED.withDescription("the dispatch is not sealed by approval-request "
                    + "(erp.dispatch.key must be the same in both services)").asRuntimeException();
        }
        return request;
    }

    private byte[] mac(DispatchRequest request) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // the same generated classes on both sides and no map fields: the serialisation is deterministic
            return mac.doFinal(request.toBuilder().clearSeal().build().toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
