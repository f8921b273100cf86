package com.erp.routes.common.kafka;

/**
 * A consumed message that can never be processed (unparseable, or missing what the contract requires).
 * It goes to the dead-letter topic at once, without retries.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
