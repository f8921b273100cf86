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

    /** Without a Content-Type the contract's check has nothing to check the body as, and Camel binds it as JSON. */
    @Test
    void aBodyWithoutAContentTypeIsRefused() throws Exception {
        MockHttpServletRequest untyped = new MockHttpServletRequest("POST", "/api/auth/login");
        untyped.setContent("{\"username\":\"dev.staff\"}".getBytes());
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(untyped, refused, chain);
        assertThat(refused.getStatus()).isEqualTo(415);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("no Content-Type").contains("application/json");
        assertThat(chain.getRequest()).as("not passed on").isNull();
        // no body, no type needed
        MockFilterChain empty = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/auth/logout"), new MockHttpServletResponse(), empty);
        assertThat(empty.getRequest()).isNotNull();
    }

    @Test
    void theBodyReadsAsTextWhatDoesNotDecodeReplaced() throws Exception {
        // not a text type, so not checked: the reader replaces what is not UTF-8 and the contract answers the type
        MockHttpServletRequest binary = new MockHttpServletRequest("POST", "/api/approvals");
        binary.setContentType("application/octet-stream");
        binary.setCharacterEncoding("UTF-8");
        binary.setContent(new byte[] {'{', (byte) 0xff, '}', '\n', 'x'});
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(binary, new MockHttpServletResponse(), chain);
        java.io.BufferedReader reader = chain.getRequest().getReader();
        assertThat(reader.readLine()).isEqualTo("{\uFFFD}");
        assertThat(reader.readLine()).isEqualTo("x");
        assertThat(reader.readLine()).isNull();
        // and again from the start, as bytes too
        assertThat(chain.getRequest().getReader().readLine()).isEqualTo("{\uFFFD}");
        assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(5);
    }

    private static MockHttpServletRequest post(String path, int size) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", path);
        r.setContentType("application/json");
        r.setContent(new byte[size]);
        return r;
    }

    @Test
    void theUploadPathHasItsOwnLimitAndServesOnlySoManyAtOnce() throws Exception {
        RequestBodyFilter uploads = new RequestBodyFilter(10, 100, Set.of("/api/attachments"), 1, Set.of("application/json"));
        MockHttpServletResponse elsewhere = new MockHttpServletResponse();
        uploads.doFilter(post("/api/approvals", 50), elsewhere, new MockFilterChain());
        assertThat(elsewhere.getStatus()).isEqualTo(413);
        MockHttpServletResponse tooLarge = new MockHttpServletResponse();
        uploads.doFilter(post("/api/attachments", 101), tooLarge, new MockFilterChain());
        assertThat(tooLarge.getStatus()).isEqualTo(413);
        // spelt otherwise, as Camel's matching takes it too (letter case, a trailing slash): the same path
        MockFilterChain spelt = new MockFilterChain();
        uploads.doFilter(post("/api/Attachments/", 50), new MockHttpServletResponse(), spelt);
        assertThat(spelt.getRequest()).as("the upload limit, not the 10 bytes of others").isNotNull();

        // one upload in progress: the next is refused at once, with when to try again; other paths are not held
        InProgress first = InProgress.start(uploads, post("/api/attachments", 50));
        MockHttpServletResponse busy = new MockHttpServletResponse();
        uploads.doFilter(post("/api/attachments", 50), busy, new MockFilterChain());
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("2");
        assertThat(busy.getContentAsString()).contains("Other files are being uploaded");
        MockFilterChain other = new MockFilterChain();
        uploads.doFilter(post("/api/approvals", 5), new MockHttpServletResponse(), other);
        assertThat(other.getRequest()).isNotNull();
        first.finish();
        // and once it is done, the next one is served
        MockFilterChain next = new MockFilterChain();
        uploads.doFilter(post("/api/attachments", 50), new MockHttpServletResponse(), next);
        assertThat(next.getRequest()).isNotNull();
    }

    /** A file's download holds it whole in memory: only so many at once; other requests are not held. */
    @Test
    void downloadsAreServedOnlySoManyAtOnce() throws Exception {
        RequestBodyFilter filter = new RequestBodyFilter(10, 100, Set.of("/api/attachments"), 1, Set.of("application/json"))
                .withDownloads(java.util.regex.Pattern.compile("/api/approvals/[^/]+/attachments/[^/]+"), 1, 1);
        InProgress first = InProgress.start(filter, getBy("/api/approvals/a1/attachments/f1", "1001"));
        MockHttpServletResponse busy = new MockHttpServletResponse();
        filter.doFilter(getBy("/api/approvals/a2/attachments/f2", "1002"), busy, new MockFilterChain());
        assertThat(busy.getStatus()).isEqualTo(503);
        // a HEAD reads the file as the GET does: the methods filter before this one makes it that GET
        org.springframework.mock.web.MockHttpServletRequest head = getBy("/api/approvals/a2/attachments/f2", "1002");
        head.setMethod("HEAD");
        MockHttpServletResponse headBusy = new MockHttpServletResponse();
        new ContractMethodsFilter("/api", java.util.Map.of("/approvals/{approvalId}/attachments/{attachmentId}",
                Set.of("GET"))).doFilter(head, headBusy, (req, res) -> filter.doFilter(req, res, new MockFilterChain()));
        assertThat(headBusy.getStatus()).isEqualTo(503);
        MockHttpServletResponse spelt = new MockHttpServletResponse();
        filter.doFilter(getBy("/api/Approvals/a2/Attachments/f2/", "1002"), spelt, new MockFilterChain());
        assertThat(spelt.getStatus()).as("however the path is spelt").isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("2");
        assertThat(busy.getContentAsString()).contains("being downloaded");
        MockFilterChain document = new MockFilterChain();
        filter.doFilter(get("/api/approvals/a2"), new MockHttpServletResponse(), document);
        assertThat(document.getRequest()).as("the document itself is not a download").isNotNull();
        first.finish();
        MockFilterChain next = new MockFilterChain();
        filter.doFilter(getBy("/api/approvals/a2/attachments/f2", "1002"), new MockHttpServletResponse(), next);
        assertThat(next.getRequest()).isNotNull();
    }

    /** One person's downloads take at most their share: another's are still served, theirs again once one is done. */
    @Test
    void onePersonsDownloadsTakeOnlyTheirShare() throws Exception {
        RequestBodyFilter filter = new RequestBodyFilter(10, 100, Set.of("/api/attachments"), 1, Set.of("application/json"))
                .withDownloads(java.util.regex.Pattern.compile("/api/approvals/[^/]+/attachments/[^/]+"), 3, 2);
        InProgress first = InProgress.start(filter, getBy("/api/approvals/a1/attachments/f1", "1001"));
        InProgress second = InProgress.start(filter, getBy("/api/approvals/a1/attachments/f2", "1001"));
        MockHttpServletResponse third = new MockHttpServletResponse();
        filter.doFilter(getBy("/api/approvals/a1/attachments/f3", "1001"), third, new MockFilterChain());
        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getHeader("Retry-After")).isEqualTo("2");
        assertThat(third.getContentAsString()).contains("You are downloading 2 files already");
        MockFilterChain someoneElse = new MockFilterChain();
        filter.doFilter(getBy("/api/approvals/a2/attachments/f4", "1002"), new MockHttpServletResponse(), someoneElse);
        assertThat(someoneElse.getRequest()).as("another person's download is served").isNotNull();
        first.finish();
        MockFilterChain again = new MockFilterChain();
        filter.doFilter(getBy("/api/approvals/a1/attachments/f3", "1001"), new MockHttpServletResponse(), again);
        assertThat(again.getRequest()).isNotNull();
        second.finish();
        // all done: the whole share again, and nothing kept for them
        InProgress a = InProgress.start(filter, getBy("/api/approvals/a1/attachments/f1", "1001"));
        InProgress b = InProgress.start(filter, getBy("/api/approvals/a1/attachments/f2", "1001"));
        // every download taken: a third person is refused for that, and their share is not counted as used
        InProgress c = InProgress.start(filter, getBy("/api/approvals/a3/attachments/f5", "1002"));
        MockHttpServletResponse full = new MockHttpServletResponse();
        filter.doFilter(getBy("/api/approvals/a3/attachments/f6", "1003"), full, new MockFilterChain());
        assertThat(full.getContentAsString()).contains("Other files are being downloaded");
        a.finish();
        b.finish();
        c.finish();
        InProgress d = InProgress.start(filter, getBy("/api/approvals/a3/attachments/f6", "1003"));
        MockFilterChain secondOfTheirs = new MockFilterChain();
        filter.doFilter(getBy("/api/approvals/a3/attachments/f7", "1003"), new MockHttpServletResponse(), secondOfTheirs);
        assertThat(secondOfTheirs.getRequest()).as("the refused one did not count").isNotNull();
        d.finish();
    }

    private static org.springframework.mock.web.MockHttpServletRequest getBy(String path, String person) {
        org.springframework.mock.web.MockHttpServletRequest request = get(path);
        request.setUserPrincipal(() -> person);
        return request;
    }

    private static org.springframework.mock.web.MockHttpServletRequest get(String path) {
        return new org.springframework.mock.web.MockHttpServletRequest("GET", path);
    }

    /** A request the filter let through, held in the chain on a thread of its own until {@link #finish}. */
    private record InProgress(Thread thread, java.util.concurrent.CountDownLatch done) {

        static InProgress start(RequestBodyFilter filter, jakarta.servlet.http.HttpServletRequest request)
                throws InterruptedException {
            java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Thread thread = new Thread(() -> {
                try {
                    filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                        inside.countDown();
                        try {
                            done.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            inside.await();
            return new InProgress(thread, done);
        }

        void finish() throws InterruptedException {
            done.countDown();
            thread.join();
        }
    }
}
