package org.sharedagreements.app.web;

import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.OversizedUpload;
import org.sharedagreements.app.support.OversizedUpload.Answer;
import org.sharedagreements.app.support.OversizedUpload.Framing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heap exhaustion without a token: bodies far over the limit (150 MB) on every method, with every framing and
 * content type, against API and open paths, are answered before the client could have sent them, and the heap
 * does not grow by anything like a body. Before this, Spring Boot's form filter read a DELETE, PUT or PATCH form
 * body whole, before security and before the limit.
 */
class OversizedBodyTest extends ApiTest {

    private static final long HEAP_GROWTH_ALLOWED = 64L * 1024 * 1024;
    private static final List<String> METHODS = List.of("POST", "PUT", "PATCH", "DELETE", "GET");
    private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded",
            "application/json", "multipart/form-data; boundary=" + OversizedUpload.MULTIPART_BOUNDARY,
            "application/octet-stream");
    private static final String API_PATH = "/api/agreements";
    private static final List<String> OPEN_PATHS = List.of("/dev/tokens", "/actuator/health", "/v3/api-docs");
    /**
     * The web pages, signed-in and open: sent to sign in (302), shown (200), or, for a change without its CSRF
     * token, refused (403), all before the body is read.
     */
    private static final List<String> PAGES = List.of("/app", "/auth/login");

    @Autowired
    private ServletWebServerApplicationContext context;

    private record Upload(String method, String path, String contentType, Framing framing) {

        @Override
        public String toString() {
            return method + " " + path + " " + contentType + " " + framing;
        }
    }

    @Test
    void oversizedBodiesWithoutATokenAreAnsweredBeforeTheyAreSentAndLeaveTheHeapAlone() throws Exception {
        List<Upload> uploads = new ArrayList<>();
        for (String path : concat(API_PATH, concat(PAGES, OPEN_PATHS))) {
            for (String method : METHODS) {
                for (String contentType : CONTENT_TYPES) {
                    for (Framing framing : Framing.values()) {
                        uploads.add(new Upload(method, path, contentType, framing));
                    }
                }
            }
        }

        RetainedHeap heap = RetainedHeap.watch();
        SoftAssertions softly = new SoftAssertions();
        Map<Upload, Answer> answers = sendConcurrently(uploads, null, softly);

        answers.forEach((upload, answer) -> {
            softly.assertThat(answer.status()).as(upload.toString()).isBetween(200, 499);
            softly.assertThat(answer.sentBeforeAnswer()).as("body bytes sent before the answer to " + upload)
                    .isLessThan(OversizedUpload.UNREAD_IN_FLIGHT);
            if (upload.framing() == Framing.CONTENT_LENGTH) {
                softly.assertThat(answer.status()).as(upload + ": the declared length is over the limit")
                        .isEqualTo(413);
                softly.assertThat(answer.header("Connection")).as(upload.toString()).isEqualTo("close");
            } else if (upload.path().equals(API_PATH)) {
                softly.assertThat(answer.status()).as(upload + ": refused before anything reads it").isEqualTo(401);
            } else if (PAGES.contains(upload.path())) {
                softly.assertThat(answer.status()).as(upload + ": answered before anything reads it")
                        .isIn(200, 302, 403);
            } else {
                softly.assertThat(answer.status()).as(upload + ": the open path's own answer")
                        .isIn(200, 405, 413, 415);
            }
        });
        heap.assertGrewLessThan(softly, HEAP_GROWTH_ALLOWED);
        softly.assertAll();
    }

    @Test
    void anAuthenticatedChunkedJsonBodyIsRefusedOnceItPassesTheLimit() throws Exception {
        String token = Api.token("oversized-ada", List.of(), Instant.now().plusSeconds(600), SECRET);
        List<Upload> uploads = List.of(new Upload("POST", API_PATH, "application/json", Framing.CHUNKED),
                new Upload("POST", API_PATH, "application/json", Framing.CONTENT_LENGTH));

        RetainedHeap heap = RetainedHeap.watch();
        SoftAssertions softly = new SoftAssertions();
        Map<Upload, Answer> answers = sendConcurrently(uploads, token, softly);

        answers.forEach((upload, answer) -> {
            softly.assertThat(answer.status()).as(upload.toString()).isEqualTo(413);
            softly.assertThat(answer.sentBeforeAnswer()).as(upload.toString())
                    .isLessThan(OversizedUpload.UNREAD_IN_FLIGHT);
        });
        heap.assertGrewLessThan(softly, HEAP_GROWTH_ALLOWED);
        softly.assertAll();
    }

    @Test
    void theBodyLimitIsTheFirstServletFilter() {
        List<String> bodyLimits = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .filter(registration -> registration.getFilter() instanceof BodySizeLimitFilter)
                .map(AbstractFilterRegistrationBean::getFilterName).toList();
        Context servletContext = (Context) tomcat().getHost().findChildren()[0];

        FilterMap[] filters = servletContext.findFilterMaps();

        assertThat(bodyLimits).as("the management server's own stays in its context").hasSize(1);
        assertThat(filters[0].getFilterName()).as(Arrays.toString(filters)).isEqualTo(bodyLimits.get(0));
    }

    @Test
    void nothingBeforeAuthenticationReadsTheBodyOrItsParameters() throws Exception {
        List<Filter> filters = new ServletContextInitializerBeans(context.getBeanFactory()).stream()
                .filter(initializer -> initializer instanceof AbstractFilterRegistrationBean<?> registration
                        && registration.isEnabled())
                .map(initializer -> (Filter) ((AbstractFilterRegistrationBean<?>) initializer).getFilter())
                .toList();
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String contentType : CONTENT_TYPES) {
                WatchedRequest request = new WatchedRequest(method, contentType);
                MockHttpServletResponse response = new MockHttpServletResponse();
                MockFilterChain chain = new MockFilterChain(new UnreachableServlet(), filters.toArray(Filter[]::new));

                chain.doFilter(request, response);

                assertThat(response.getStatus()).as(method + " " + contentType)
                        .isEqualTo(HttpServletResponse.SC_UNAUTHORIZED);
                assertThat(request.reads).as(method + " " + contentType + ": read before authentication").isEmpty();
            }
        }
    }

    @Test
    void tomcatParsesNoFormBodyLargerThanTheLimitAndNoMultipartAtAll() {
        long limit = context.getBean(RequestLimits.class).maxBodyBytes();
        for (Connector connector : tomcat().getService().findConnectors()) {
            assertThat((long) connector.getMaxPostSize()).isEqualTo(limit);
        }
        assertThat(context.getBeanNamesForType(MultipartConfigElement.class)).isEmpty();
    }

    private Tomcat tomcat() {
        return ((TomcatWebServer) context.getWebServer()).getTomcat();
    }

    /** Every upload at once (40 in flight); the answers that came, and a failure naming each upload without one. */
    private Map<Upload, Answer> sendConcurrently(List<Upload> uploads, String token, SoftAssertions softly)
            throws InterruptedException {
        int port = URI.create(api.base()).getPort();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(uploads.size(), 40));
        try {
            Map<Upload, Future<Answer>> pending = new LinkedHashMap<>();
            uploads.forEach(upload -> pending.put(upload, pool.submit(() -> OversizedUpload.send(port,
                    upload.method(), upload.path(), upload.contentType(), upload.framing(), token))));
            Map<Upload, Answer> answers = new LinkedHashMap<>();
            List<String> unanswered = new ArrayList<>();
            for (Map.Entry<Upload, Future<Answer>> entry : pending.entrySet()) {
                try {
                    answers.put(entry.getKey(), entry.getValue().get(60, TimeUnit.SECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    unanswered.add(entry.getKey() + ": " + (e.getCause() == null ? e : e.getCause()));
                }
            }
            softly.assertThat(unanswered).as("uploads without an answer").isEmpty();
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> concat(List<String> first, List<String> rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /**
     * The heap pools that keep what survives: peaks are reset before and read after. Eden is left out: its peak
     * is its full size at every young collection, whatever the service does; a buffered body lands in the old
     * generation (directly, as one of G1's humongous objects, or by surviving while it is read).
     */
    private record RetainedHeap(Map<MemoryPoolMXBean, Long> before) {

        static RetainedHeap watch() {
            Map<MemoryPoolMXBean, Long> before = new ConcurrentHashMap<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                    pool.resetPeakUsage();
                    if (!pool.getName().contains("Eden")) {
                        before.put(pool, pool.getUsage().getUsed());
                    }
                }
            }
            assertThat(before.keySet()).as("an old-generation pool to watch")
                    .anyMatch(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"));
            return new RetainedHeap(before);
        }

        void assertGrewLessThan(SoftAssertions softly, long bytes) {
            before.forEach((pool, used) -> softly.assertThat(pool.getPeakUsage().getUsed() - used)
                    .as("peak growth of the heap pool " + pool.getName()).isLessThan(bytes));
        }
    }

    private static final class UnreachableServlet extends HttpServlet {

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            throw new AssertionError("an unauthenticated request reached the servlet");
        }
    }

    /** A form or multipart request that records whoever asks for its body or its parameters. */
    private static final class WatchedRequest extends MockHttpServletRequest {

        final Set<String> reads = ConcurrentHashMap.newKeySet();

        WatchedRequest(String method, String contentType) {
            super(method, API_PATH);
            setContentType(contentType);
            setContent("note=hello".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public String getParameter(String name) {
            reads.add("getParameter(" + name + ")");
            return super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            reads.add("getParameterMap()");
            return super.getParameterMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            reads.add("getParameterNames()");
            return super.getParameterNames();
        }

        @Override
        public String[] getParameterValues(String name) {
            reads.add("getParameterValues(" + name + ")");
            return super.getParameterValues(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            reads.add("getInputStream()");
            return super.getInputStream();
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            reads.add("getReader()");
            return super.getReader();
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            reads.add("getParts()");
            return super.getParts();
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            reads.add("getPart(" + name + ")");
            return super.getPart(name);
        }
    }
}
