package com.erp.routes.common.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes problems onto Camel exchanges and servlet responses, and decides which problem an unexpected
 * exception becomes: a dependency that cannot be reached is 503 with Retry-After, anything else is a 500
 * whose detail carries a reference to the log line, never a stack trace.
 */
public final class ProblemWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RETRY_AFTER_SECONDS = 5;

    private ProblemWriter() {
    }

    public static String toJson(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the problem on the exchange as the HTTP response. */
    public static void write(Exchange exchange, Problem problem, Integer retryAfterSeconds) {
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        Problem withPath = path == null ? problem : problem.withInstance(path);
        var message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfterSeconds != null) {
            message.setHeader("Retry-After", retryAfterSeconds.toString());
        }
        message.setBody(toJson(withPath));
    }

    /** The route's failure, as a problem response: used by the {@code rest-problems} route configuration. */
    public static void writeCaught(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String route = exchange.getProperty(org.apache.camel.ExchangePropertyKey.FAILURE_ROUTE_ID, String.class);
        ProblemException problem = classify(failure, route == null ? exchange.getFromRouteId() : route);
        write(exchange, problem.toProblem(), problem.retryAfterSeconds());
    }

    /**
     * An error status that is not a problem: what Camel's REST router answers by itself (404 for no such path,
     * 405 for a method the path does not have), with no body or the request's still in place.
     */
    public static boolean isBareError(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        return status != null && status >= 400 && (contentType == null || !contentType.startsWith(Problem.MEDIA_TYPE));
    }

    /** Replaces such an answer (whose body may still be the request's) by the problem for its status. */
    public static void writeBareError(Exchange exchange) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        if (status == 400 && exchange.getProperty(BindingJsonDataFormat.FAILURE)
                instanceof com.fasterxml.jackson.databind.exc.InvalidDefinitionException e) {
            // the application's own type cannot be bound: its fault, not the request's (500, logged with a reference)
            ProblemException problem = classify(e, exchange.getFromRouteId());
            write(exchange, problem.toProblem(), problem.retryAfterSeconds());
            return;
        }
        FieldError field = status == 400 ? unboundField(exchange) : null;
        if (field != null) {
            write(exchange, ProblemException.badRequest("A value of the request body cannot be read as this operation "
                    + "takes it: " + field.field() + " " + field.message() + ".", java.util.List.of(field)).toProblem(), null);
            return;
        }
        // a 400 here is Camel's JSON binding refusing a body the contract's check let through (a date-time whose
        // offset is written +0900, say): it reached the application, unlike the servlet stack's bare 400s
        write(exchange, Problem.forStatus(status, status == 400 ? UNBOUND_BODY : null, path), null);
    }

    /** The field Camel's JSON binding could not read, kept by {@link BindingJsonDataFormat}; null when none is known. */
    private static FieldError unboundField(Exchange exchange) {
        Object failure = exchange.getProperty(BindingJsonDataFormat.FAILURE);
        return failure instanceof com.fasterxml.jackson.databind.JsonMappingException e
                ? BindingJsonDataFormat.fieldOf(e) : null;
    }

    static final String UNBOUND_BODY = "The request body could not be read as this operation takes it: a value is not "
            + "in the form its field needs (a date-time with its offset as +09:00 or Z, say).";

    /** Maps any exception to the problem it should answer with. */
    public static ProblemException classify(Throwable failure, String where) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        if (com.erp.routes.common.kafka.TransientFailures.isConflict(failure)) {
            LOG.info("concurrent change in {}: {}", where, failure.toString());
            return ProblemException.conflict("Someone else changed the same record at the same moment; "
                    + "read it again and retry.");
        }
        if (isUnavailable(failure)) {
            LOG.warn("dependency unavailable in {}: {}", where, failure.toString());
            return ProblemException.unavailable(
                    "A service this request depends on is not reachable right now; retry shortly.", RETRY_AFTER_SECONDS);
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("unexpected failure in {} (reference {})", where, reference, failure);
        return new ProblemException(500, "internal", "Internal error",
                "The request failed unexpectedly; quote reference " + reference + " when reporting it.", null, null);
    }

    /**
     * Connection failures and timeouts of Mongo, Redis, Kafka or HTTP clients, recognised by name, and every failure
     * the consumers retry as transient (a Redis replica not yet promoted or loading, a Mongo primary stepping down,
     * a lock wait that timed out): the request may simply be sent again.
     */
    static boolean isUnavailable(Throwable failure) {
        if (com.erp.routes.common.kafka.TransientFailures.isTransient(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName().toLowerCase(Locale.ROOT);
            // what TransientFailures does not name: an HTTP client's, a timed-out wait
            if (name.contains("connectionfailure") || name.endsWith(".timeoutexception")
                    || name.contains("resourceaccessexception")) {
                return true;
            }
        }
        return false;
    }

    /** Writes a problem to a servlet response (Spring Security and MVC errors, outside Camel). */
    public static void write(HttpServletResponse response, Problem problem) {
        try {
            response.setStatus(problem.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(toJson(problem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
