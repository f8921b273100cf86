package com.erp.routes.common.grpc;

import com.erp.routes.grpc.DispatchRequest;
import io.grpc.Status;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Who may call {@code ApprovalDispatch/Dispatch}: approval-request, on the drafter's behalf. The request carries
 * the drafter's bearer token (relayed from the submission), which is verified like any REST call's (signature,
 * expiry) and must be the drafter's own: a call without it is UNAUTHENTICATED, one with somebody else's token
 * PERMISSION_DENIED. So the gRPC port is no way around the REST API's authentication.
 */
public final class DispatchAuthorization {

    private final JwtDecoder tokens;

    public DispatchAuthorization(JwtDecoder tokens) {
        this.tokens = tokens;
    }

    /** The request, if its token may dispatch it; otherwise a gRPC status exception the caller receives. */
    public DispatchRequest check(DispatchRequest request) {
        if (request.getCallerToken().isEmpty()) {
            throw Status.UNAUTHENTICATED.withDescription("a dispatch needs the drafter's bearer token (caller_token)")
                    .asRuntimeException();
        }
        Jwt jwt;
        try {
            jwt = tokens.decode(request.getCallerToken());
        } catch (JwtException e) {
            throw Status.UNAUTHENTICATED.withDescription("caller_token is not a valid token: " + e.getMessage())
                    .asRuntimeException();
        }
        if (!String.valueOf(request.getDrafter().getId()).equals(jwt.getSubject())) {
            throw Status.PERMISSION_DENIED.withDescription("only the drafter's own token dispatches their document")
                    .asRuntimeException();
        }
        return request;
    }
}
