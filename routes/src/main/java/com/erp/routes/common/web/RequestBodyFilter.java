package com.erp.routes.common.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a REST request's body before Camel reads it, because what Camel's HTTP binding cannot read it
 * answers with an empty 500: a form body that is not {@code name=value} pairs (the binding parses every form
 * body, before the contract is consulted), bytes that are not valid in the body's charset (the servlet reader
 * throws), and any size at all (the binding reads everything into memory). So:
 * <ul>
 * <li>a form media type that no operation of the contract consumes: 415;</li>
 * <li>a body larger than the limit: 413, by its Content-Length before reading anything, or once a chunked
 * body has passed the limit (the paths that take files have a limit of their own);</li>
 * <li>a charset Java does not know: 415; JSON or text that is not valid in the charset it is read in: 400;</li>
 * <li>a body without a Content-Type: 415 (the contract's check has no type to check it as; Camel would bind it);</li>
 * </ul>
 * and otherwise hands the request on with the body already read (at most the limit, once).
 */
public class RequestBodyFilter extends OncePerRequestFilter {

    /** Media types the servlet stack parses as forms by itself. */
    private static final Set<String> FORMS = Set.of("application/x-www-form-urlencoded", "multipart/form-data");
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]*)", Pattern.CASE_INSENSITIVE);

    private final long maxBytes;
    private final long maxUploadBytes;
    private final Set<String> uploadPaths;
    private final Set<String> consumedMediaTypes;
    /** Uploads read and processed at once: each holds its body several times over until it is stored. */
    private final java.util.concurrent.Semaphore uploads;
    /** Set up once, before the filter serves (withDownloads); none: downloads are not limited. */
    private java.util.regex.Pattern downloadPaths;
    private java.util.concurrent.Semaphore downloads;
    /** Downloads in progress per person (their user principal's name), and how many one may have. */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> downloading =
            new java.util.concurrent.ConcurrentHashMap<>();
    private int downloadsPerPerson;

    /**
     * @param maxBytes           the largest body accepted
     * @param consumedMediaTypes the request media types the contract's operations declare (lower case, no parameters)
     */
    public RequestBodyFilter(long maxBytes, Set<String> consumedMediaTypes) {
        this(maxBytes, maxBytes, Set.of(), 1, consumedMediaTypes);
    }

    /**
     * @param maxUploadBytes    the largest body accepted at {@code uploadPaths} (files: 첨부파일)
     * @param uploadPaths       request paths that take files
     * @param uploadConcurrency how many of those are served at once; more are answered 503 with Retry-After
     */
    public RequestBodyFilter(long maxBytes, long maxUploadBytes, Set<String> uploadPaths, int uploadConcurrency,
                             Set<String> consumedMediaTypes) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadPaths = Set.copyOf(uploadPaths);
        this.uploads = new java.util.concurrent.Semaphore(uploadConcurrency);
        this.consumedMediaTypes = Set.copyOf(consumedMediaTypes);
    }

    /**
     * Also limits downloads: GET requests whose path matches {@code downloadPaths} (files, held whole in memory
     * while they are sent) are served {@code downloadConcurrency} at once, and {@code perPerson} of them for one
     * person, so that one slow client cannot hold every download; more are answered 503 with Retry-After.
     */
    public RequestBodyFilter withDownloads(java.util.regex.Pattern downloadPaths, int downloadConcurrency, int perPerson) {
        this.downloadPaths = downloadPaths;
        this.downloads = new java.util.concurrent.Semaphore(downloadConcurrency);
        this.downloadsPerPerson = Math.max(1, perPerson);
        return this;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (uploadPaths.contains(route(request)) && hasBody(request)) {
            limited(uploads, "Other files are being uploaded right now; send this one again in a moment.", request,
                    response, chain);
        } else if (downloads != null && "GET".equals(request.getMethod())
                && downloadPaths.matcher(route(request)).matches()) {
            // (a HEAD comes as the GET it is served as: ContractMethodsFilter runs first)
            // (after Spring Security: the person is known; anyone else was refused already)
            String person = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
            if (!startDownload(person)) {
                busy("You are downloading " + downloadsPerPerson + " files already; ask for this one again when one "
                        + "of them is done.", request, response);
                return;
            }
            limited(downloads, "Other files are being downloaded right now; ask for this one again in a moment.",
                    request, response, chain, () -> endDownload(person));
        } else {
            check(request, response, chain);
        }
    }

    private boolean startDownload(String person) {
        boolean[] started = {false};
        downloading.compute(person, (who, now) -> {
            int n = now == null ? 0 : now;
            started[0] = n < downloadsPerPerson;
            return started[0] ? n + 1 : n;
        });
        return started[0];
    }

    private void endDownload(String person) {
        downloading.computeIfPresent(person, (who, now) -> now <= 1 ? null : now - 1);
    }

    private static void busy(String detail, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "2");
        ProblemWriter.write(response, ProblemException.unavailable(detail, 2).toProblem()
                .withInstance(request.getRequestURI()));
    }

    private void limited(java.util.concurrent.Semaphore permits, String busy, HttpServletRequest request,
                         HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        limited(permits, busy, request, response, chain, () -> { });
    }

    /**
     * Serves the request holding one of {@code permits} until it is answered, or answers 503 if none is free; either
     * way {@code done} runs once the request is over.
     */
    private void limited(java.util.concurrent.Semaphore permits, String busy, HttpServletRequest request,
                         HttpServletResponse response, FilterChain chain, Runnable done)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            done.run();
            busy(busy, request, response);
            return;
        }
        Runnable release = () -> {
            permits.release();
            done.run();
        };
        boolean handedOn = false;
        try {
            check(request, response, chain);
            if (request.isAsyncStarted()) {
                // the route runs on after this returns: the request is done when the answer is
                request.getAsyncContext().addListener(new jakarta.servlet.AsyncListener() {
                    @Override
                    public void onComplete(jakarta.servlet.AsyncEvent event) {
                        release.run();
                    }

                    @Override
                    public void onTimeout(jakarta.servlet.AsyncEvent event) {
                    }

                    @Override
                    public void onError(jakarta.servlet.AsyncEvent event) {
                    }

                    @Override
                    public void onStartAsync(jakarta.servlet.AsyncEvent event) {
                    }
                });
                handedOn = true;
            }
        } finally {
            if (!handedOn) {
                release.run();
            }
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void check(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declaredLength = request.getContentLengthLong();
        boolean hasBody = declaredLength > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody) {
            chain.doFilter(request, response);
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            // Camel would read it as the operation's JSON anyway, while the contract's check skips a body of no
            // stated type: nothing would have been checked (a login without its password, a document of no form)
            refuse(request, response, 415, "The request has a body but no Content-Type; send it with the type it is in"
                    + (consumedMediaTypes.isEmpty() ? "." : " (" + String.join(" or ",
                    consumedMediaTypes.stream().sorted().toList()) + ")."));
            return;
        }
        MediaType mediaType = mediaType(contentType);
        long limit = uploadPaths.contains(route(request)) ? maxUploadBytes : maxBytes;
        if (mediaType != null) {
            String type = (mediaType.getType() + "/" + mediaType.getSubtype()).toLowerCase(Locale.ROOT);
            if (FORMS.contains(type) && !consumedMediaTypes.contains(type)) {
                refuse(request, response, 415, "No operation here takes a form (" + type + ")"
                        + (consumedMediaTypes.isEmpty() ? "." : "; send the body as "
                        + String.join(" or ", consumedMediaTypes.stream().sorted().toList()) + " with that Content-Type."));
                return;
            }
        }
        if (declaredLength > limit) {
            refuse(request, response, 413, tooLarge(limit));
            return;
        }
        String declared = declaredCharset(request.getContentType());
        if (declared != null && !isKnown(declared)) {
            refuse(request, response, 415, "The body's charset " + ContractRequestValidator.shorten("'" + declared + "'")
                    + " is not supported; send UTF-8.");
            return;
        }
        String encoding = request.getCharacterEncoding(); // what the body is read in (Spring Boot forces UTF-8)
        Charset charset = encoding == null || !isKnown(encoding) ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            refuse(request, response, 413, tooLarge(limit));
            return;
        }
        if (isText(mediaType) && !decodes(body, charset)) {
            ProblemWriter.write(response, ProblemException.badRequest("The body is not valid " + charset.name() + ".",
                    List.of(new FieldError("body", "has bytes that are not valid " + charset.name())))
                    .toProblem().withInstance(request.getRequestURI()));
            return;
        }
        chain.doFilter(new ReadBody(request, body, charset), response);
    }

    /**
     * The path as Camel's REST matching reads it, which ignores letter case and a trailing slash: the limits of the
     * paths that take or give files hold however their path is spelt.
     */
    static String route(HttpServletRequest request) {
        String path = request.getRequestURI().toLowerCase(Locale.ROOT);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String tooLarge(long limit) {
        return "The request body is larger than the " + limit + " bytes this server accepts.";
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return null; // the contract validator answers a Content-Type it cannot use
        }
    }

    /** The charset parameter of a Content-Type, read by hand: Spring's parser refuses an unknown one outright. */
    static String declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static boolean isKnown(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static boolean isText(MediaType mediaType) {
        if (mediaType == null) {
            return false;
        }
        String subtype = mediaType.getSubtype().toLowerCase(Locale.ROOT);
        return "text".equalsIgnoreCase(mediaType.getType()) || subtype.equals("json") || subtype.endsWith("+json");
    }

    private static boolean decodes(byte[] body, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The body, or null when it is longer than {@code max} (reading stops there). */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail) {
        ProblemWriter.write(response, Problem.forStatus(status, detail, request.getRequestURI()));
    }

    /** The request with its body already read; the reader never fails (a text body was checked above). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Charset charset;

        ReadBody(HttpServletRequest request, byte[] body, Charset charset) {
            super(request);
            this.body = body;
            this.charset = charset;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            // Decoded at once (a body that is not text is not checked: what does not decode is replaced, the contract
            // answers its type), into a reader with a buffer of the body's size: a decoding reader holds 24 KB of
            // buffers for a body of a few hundred bytes (2.4 % of what approval-request allocated, in a profile).
            String text = new String(body, charset);
            return new BufferedReader(new StringReader(text), Math.max(1, Math.min(text.length(), 8192)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
