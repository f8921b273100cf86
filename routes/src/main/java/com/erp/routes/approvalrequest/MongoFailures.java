package com.erp.routes.approvalrequest;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.apache.camel.Exchange;

/** What a MongoDB failure of an exchange says, for routes that expect it. */
final class MongoFailures {

    private MongoFailures() {
    }

    /** Whether storing failed on a unique index (the exchange's exception or the one a doCatch caught). */
    static boolean duplicateKey(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
