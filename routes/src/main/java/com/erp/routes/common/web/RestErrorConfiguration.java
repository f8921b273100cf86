package com.erp.routes.common.web;

import org.apache.camel.builder.RouteConfigurationBuilder;
/**
 * The error configuration of every REST route (they opt in with {@code .routeConfigurationId(ID)}): any
 * failure becomes an RFC 9457 problem response, never a stack trace.
 */
public class RestErrorConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "rest-problems";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .handled(true)
                .process(ProblemWriter::writeCaught);
    }
}
