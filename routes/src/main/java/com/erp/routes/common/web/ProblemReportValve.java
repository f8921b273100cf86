package com.erp.routes.common.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.ExceptionUtils;

/**
 * Tomcat's error report as a problem instead of an HTML page. It answers only what never reached the
 * application, where the servlet error page ({@link ProblemErrorController}) cannot: Tomcat refuses a URL
 * with an invalid percent-escape, an encoded slash or a NUL (400) before any servlet or filter runs.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the HTML report: only an error nobody has written a body for yet
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                // no instance: the URL may be what was refused
                writer.write(ProblemWriter.toJson(Problem.forStatus(status, null, null)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            ExceptionUtils.handleThrowable(e);
        }
    }

    /** Puts this valve in the place of the host's error report valves (Spring Boot adds one, Tomcat another). */
    public static void install(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemReportValve());
        if (host instanceof StandardHost standard) {
            // Tomcat adds the valve of this class when the host starts, unless one is there already
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
    }
}
