package com.erp.routes.common.web;

import java.util.concurrent.RejectedExecutionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Load shedding: when the REST worker pool and its bounded queue are full, platform-http's hand-off is
 * rejected and the request is answered at once with 503 and Retry-After. Queuing without bound instead makes
 * every request slow and finally exhausts the heap.
 */
public class OverloadExceptionResolver implements HandlerExceptionResolver, Ordered {

    private final int retryAfterSeconds;

    public OverloadExceptionResolver(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (!isRejection(ex)) {
            return null;
        }
        response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
        ProblemWriter.write(response, ProblemException.unavailable(
                "The server is at capacity and did not take this request; retry after the time Retry-After says.",
                retryAfterSeconds).toProblem().withInstance(request.getRequestURI()));
        return new ModelAndView(); // handled: the response is written
    }

    static boolean isRejection(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RejectedExecutionException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
