package com.erp.routes.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.ExpressionAdapter;

/** Small expressions the routes share. */
public final class Expressions {

    private Expressions() {
    }

    /**
     * A map of named values, each evaluated from the exchange: e.g. the named parameters of a camel-jpa query
     * ({@code CamelJpaParameters}). Null values are kept (a query may test {@code :param is null}).
     */
    public static Expression mapOf(Object... namesAndExpressions) {
        if (namesAndExpressions.length % 2 != 0) {
            throw new IllegalArgumentException("names and expressions come in pairs");
        }
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < namesAndExpressions.length; i += 2) {
                    Expression e = (Expression) namesAndExpressions[i + 1];
                    map.put((String) namesAndExpressions[i], e.evaluate(exchange, Object.class));
                }
                return map;
            }
        };
    }
}
