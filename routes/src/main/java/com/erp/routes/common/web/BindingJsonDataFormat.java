package com.erp.routes.common.web;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.apache.camel.Exchange;
import org.apache.camel.component.jackson.JacksonDataFormat;

/**
 * The REST binding's JSON format: Camel's Jackson format (the application's ObjectMapper, discovered as before) that
 * keeps why a body could not be bound. Camel's binding drops the failure and answers a bare 400 ("Invalid JSon
 * payload."); kept on the exchange, it lets the problem name the field and say what it needs.
 */
public class BindingJsonDataFormat extends JacksonDataFormat {

    /** Exchange property: the {@link JsonMappingException} that refused the body. */
    public static final String FAILURE = "erp.bindingFailure";

    public BindingJsonDataFormat() {
        setAutoDiscoverObjectMapper(true);
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        return keepingFailure(exchange, () -> super.unmarshal(exchange, stream));
    }

    @Override
    public Object unmarshal(Exchange exchange, Object body) throws Exception {
        return keepingFailure(exchange, () -> super.unmarshal(exchange, body));
    }

    private static Object keepingFailure(Exchange exchange, java.util.concurrent.Callable<Object> unmarshal)
            throws Exception {
        try {
            return unmarshal.call();
        } catch (JsonMappingException e) {
            exchange.setProperty(FAILURE, e);
            throw e;
        }
    }

    /**
     * The field a binding failure is about, as a JSON pointer ({@code /steps/0/approverId}), and what it needs; null
     * when the failure names no field.
     */
    static FieldError fieldOf(JsonMappingException failure) {
        if (failure instanceof com.fasterxml.jackson.databind.exc.InvalidDefinitionException) {
            return null; // the application's own mapping is at fault, not the request
        }
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : failure.getPath()) {
            if (r.getFieldName() != null) {
                parts.add(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                parts.add(Integer.toString(r.getIndex()));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        Class<?> target = failure instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                ? m.getTargetType() : null;
        String needs;
        if (target == java.time.LocalDate.class) {
            needs = "must be a date written as 2026-03-02";
        } else if (target == java.time.Instant.class || target == java.time.OffsetDateTime.class
                || target == java.time.ZonedDateTime.class) {
            needs = "must be a date-time with its offset written as +09:00 or Z (2026-03-02T18:30:00+09:00)";
        } else if (target != null && (Number.class.isAssignableFrom(target)
                || target.isPrimitive() && target != boolean.class)) {
            needs = "must be a number of the range this field takes";
        } else {
            needs = "is not in the form this field takes";
        }
        return new FieldError("/" + String.join("/", parts), needs);
    }
}
