package org.sharedagreements.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on POST and DELETE: the first request with a key runs and its answer is recorded; a
 * repeat of the same request within 24 hours gets that answer again and runs nothing; the same key with another
 * request is 422; a repeat while the first still runs is 409. Answers of 5xx are not recorded, so a retry after a
 * failure on our side runs again. Keys belong to the caller ({@code sub}): two callers never share one.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final ObjectMapper objectMapper;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !("POST".equals(method) || "DELETE".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problem(response, HttpStatus.BAD_REQUEST, "The Idempotency-Key header must have 1 to 255 visible characters.",
                    Map.of("errors", List.of(Map.of("field", HEADER, "message", "must have 1 to 255 characters"))));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLarge e) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is over 65536 bytes.", Map.of());
            return;
        }
        String caller = authentication.getName();
        String hash = requestHash(request, body);
        if (!store.claim(caller, key, hash)) {
            answerRepeat(response, store.find(caller, key), hash);
            return;
        }
        ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
        boolean recorded = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recording);
            if (recording.getStatus() < 500) {
                store.complete(caller, key, recording.getStatus(), recording.getContentType(),
                        recording.getHeader(HttpHeaders.LOCATION), recording.getHeader(HttpHeaders.ETAG),
                        recording.getContentAsByteArray());
                recorded = true;
            }
        } finally {
            if (!recorded) {
                store.release(caller, key);
            }
            recording.copyBodyToResponse();
        }
    }

    private void answerRepeat(HttpServletResponse response, Optional<IdempotencyStore.Recorded> first, String hash)
            throws IOException {
        if (first.isEmpty()) {
            problem(response, HttpStatus.CONFLICT, "A request with this Idempotency-Key just finished; retry.", Map.of());
            return;
        }
        IdempotencyStore.Recorded recorded = first.get();
        if (!recorded.requestHash().equals(hash)) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was used for a different request.", Map.of());
            return;
        }
        if (recorded.running()) {
            problem(response, HttpStatus.CONFLICT,
                    "The first request with this Idempotency-Key is still running; retry shortly.", Map.of());
            return;
        }
        response.setStatus(recorded.status());
        if (recorded.contentType() != null) {
            response.setContentType(recorded.contentType());
        }
        if (recorded.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, recorded.location());
        }
        if (recorded.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, recorded.etag());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (recorded.body() != null) {
            response.getOutputStream().write(recorded.body());
        }
    }

    /** The same request: same method, path, query and body bytes. */
    private static String requestHash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail, Map<String, Object> properties)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        properties.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
