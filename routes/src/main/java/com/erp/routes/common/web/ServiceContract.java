package com.erp.routes.common.web;

/**
 * A service's REST contract, declared as a bean by each service module.
 *
 * @param service    e.g. {@code approval-request}
 * @param location   the bundled contract on the classpath, e.g. {@code openapi/approval-request-api.yaml}
 * @param apiPackage where the records named after the contract's request schemas are (for body binding)
 */
public record ServiceContract(String service, String location, String apiPackage) {
}
