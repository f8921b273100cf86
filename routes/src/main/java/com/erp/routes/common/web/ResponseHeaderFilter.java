package com.erp.routes.common.web;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Which Camel headers a REST route may send back as HTTP response headers: an allow-list. Camel copies the
 * request's headers into the message, so without this the response would echo them (Authorization
 * and Cookie included) along with every internal header a route set. The security headers (nosniff, no caching,
 * no framing) are not among them: Spring Security writes them on every answer before the route runs, and a route's
 * copy would send them twice.
 */
public class ResponseHeaderFilter extends HttpHeaderFilterStrategy {

    private static final Set<String> ALLOWED = Set.of("location", "retry-after", "allow", "www-authenticate",
            "etag", "set-cookie", "content-disposition");

    /** True means: do not send. Content-Type is written by the binding itself, not through this filter. */
    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        return value == null || !ALLOWED.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * True means: not copied from the request into the message. The response headers a route may send are not taken
     * from a request: a route that sets none of them would otherwise answer with the caller's own (a Set-Cookie or a
     * Location of their choosing).
     */
    @Override
    public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
        return super.applyFilterToExternalHeaders(name, value, exchange) || ALLOWED.contains(name.toLowerCase(Locale.ROOT));
    }
}
