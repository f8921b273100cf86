package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Set;

import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyFilterTest {

    private final RequestBodyFilter filter = new RequestBodyFilter(1000, Set.of("application/json"));

    @Test
    void readsABodyUpToTheLimitAndNoFurther() throws Exception {
        assertThat(RequestBodyFilter.readAtMost(new ByteArrayInputStream(new byte[1000]), 1000)).hasSize(1000);
        assertThat(RequestBodyFilter.readAtMost(new ByteArrayInputStream(new byte[1001]), 1000)).isNull();
        // a body without end (chunked, never finishing) is given up once past the limit
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThat(RequestBodyFilter.readAtMost(endless, 1000)).isNull();
    }

    @Test
    void findsTheDeclaredCharsetEvenOneJavaDoesNotKnow() {
        assertThat(RequestBodyFilter.declaredCharset("application/json; charset=UTF-8")).isEqualTo("UTF-8");
        assertThat(RequestBodyFilter.declaredCharset("application/json;Charset=\"foo\"")).isEqualTo("foo");
        assertThat(RequestBodyFilter.declaredCharset("application/json")).isNull();
        assertThat(RequestBodyFilter.declaredCharset(null)).isNull();
    }

    @Test
    void aBodyAnnouncedTooLargeIsRefusedWithoutReadingIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/approvals") {
            @Override
            public long getContentLengthLong() {
                return 5_000_000;
            }

            @Override
            public ServletInputStream getInputStream() {
                throw new AssertionError("the body was read");
            }
        };
        request.setContentType("application/json");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(chain.getRequest()).as("passed on").isNull();
    }

    @Test
    void aFormIsRefusedAndJsonIsPassedOnAlreadyRead() throws Exception {
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/api/approvals");
        form.setContentType("application/x-www-form-urlencoded");
        form.setContent("{\"title\":\"t\"}".getBytes());
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(form, refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(415);
        assertThat(refused.getContentAsString()).contains("application/json");

        MockHttpServletRequest json = new MockHttpServletRequest("POST", "/api/approvals");
        json.setContentType("application/json");
        json.setCharacterEncoding("UTF-8");
        json.setContent("{\"title\":\"결재\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(json, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(chain.getRequest().getReader().readLine()).isEqualTo("{\"title\":\"결재\"}");
    }
}
