package com.erp.routes.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own rejections (no handler for a path, a method a path does not have, ...) as the project's
 * problem types. Spring Boot's problem-details handler answers them as {@code about:blank} with texts such as
 * "No static resource api/nope."; this one takes its place (it backs off when such a bean exists).
 */
@RestControllerAdvice
public class MvcProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        int status = statusCode.value();
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        String path = servletRequest.getRequestURI();
        // 404 and 405 read better in our words (Spring's name static resources); others keep Spring's detail
        String detail = status == 404 || status == 405 || !(body instanceof ProblemDetail pd) ? null : pd.getDetail();
        Problem problem = Problem.forStatus(status, detail, path);
        HttpHeaders answer = new HttpHeaders();
        if (headers != null) {
            answer.putAll(headers);
        }
        answer.setContentType(MediaType.parseMediaType(Problem.MEDIA_TYPE));
        return new ResponseEntity<>(ProblemWriter.toJson(problem), answer, statusCode);
    }
}
