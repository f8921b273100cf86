package com.erp.routes.common.security;

import com.erp.routes.common.web.ProblemException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * First step of every REST route: takes the caller from the verified token into the exchange variable
 * {@value #VARIABLE}, so later steps (possibly on other threads, e.g. after a Kafka send) still know who it
 * is. The platform-http worker pool propagates the security context from the servlet thread.
 */
public final class CallerProcessor implements Processor {

    public static final String VARIABLE = "caller";
    /** The caller's raw token, for calls made on their behalf to other services (token relay). */
    public static final String TOKEN_VARIABLE = "callerToken";

    @Override
    public void process(Exchange exchange) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
            throw ProblemException.unauthorized("This endpoint needs a bearer token.");
        }
        exchange.setVariable(VARIABLE, Caller.from(jwt));
        exchange.setVariable(TOKEN_VARIABLE, jwt.getTokenValue());
    }

    public static Caller of(Exchange exchange) {
        Caller caller = exchange.getVariable(VARIABLE, Caller.class);
        if (caller == null) {
            throw ProblemException.unauthorized("This endpoint needs a bearer token.");
        }
        return caller;
    }
}
