package com.erp.routes.common.directory;

import java.time.Duration;

import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Calls employee-service's routes in this JVM (standalone): an HTTP call to our own port would hold a REST
 * worker while it waits for another, and under load every worker ends up waiting for a request queued behind
 * them. The routes read the caller from the security context, which is on this thread already (direct: runs
 * on the caller's thread).
 */
public class InProcessEmployeeDirectory extends CachingEmployeeDirectory {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InProcessEmployeeDirectory.class);

    static final String APPROVAL_LINE = "direct:getMyApprovalLine";
    static final String EMPLOYEES = "direct:listEmployees";
    static final String DEPARTMENTS = "direct:listDepartments";

    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public InProcessEmployeeDirectory(ProducerTemplate producer, ObjectMapper json, Duration cacheTtl) {
        super(cacheTtl);
        this.producer = producer;
        this.json = json;
    }

    @Override
    protected JsonNode fetchApprovalLine(String bearerToken) {
        return call(APPROVAL_LINE, null);
    }

    @Override
    protected JsonNode fetchEmployees(String idsCsv, String bearerToken) {
        return call(EMPLOYEES, idsCsv);
    }

    @Override
    protected JsonNode fetchDepartments(String bearerToken) {
        return call(DEPARTMENTS, null);
    }

    private JsonNode call(String uri, String ids) {
        Exchange answer = producer.request(uri, e -> {
            if (ids != null) {
                e.getIn().setHeader("ids", ids);
            }
        });
        if (answer.getException() instanceof ProblemException problem) {
            throw refused(problem.status(), problem.getMessage(), problem.retryAfterSeconds());
        }
        if (answer.getException() != null) {
            // the cause may be a database's words: the log has it, the caller reads only what it means for them
            LOG.warn("the employee directory failed", answer.getException());
            throw unavailable("the employee directory failed", null);
        }
        Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Object body = answer.getMessage().getBody();
        if (status != null && status >= 400) {
            // employee routes answer failures as problems; the submission cannot go on without its line
            JsonNode problem = json.valueToTree(body);
            throw refused(status, problem == null ? null : problem.path("detail").asText(null), null);
        }
        return json.valueToTree(body);
    }
}
