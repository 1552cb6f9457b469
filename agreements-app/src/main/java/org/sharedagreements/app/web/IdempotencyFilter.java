package org.sharedagreements.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.sharedagreements.command.idempotency.AnsweredBeforeHandler;
import org.sharedagreements.command.idempotency.IdempotencyRecords;
import org.sharedagreements.command.idempotency.IdempotentRequest;
import org.sharedagreements.command.idempotency.RecordedAnswer;
import org.sharedagreements.sealing.BlindIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
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
import java.util.Set;

/**
 * {@code Idempotency-Key} on the command endpoints (POST and DELETE under {@code /api/agreements}), for callers
 * with a JWT only: a repeat of the same request (method, path, query, {@code If-Match}, body) within 24 hours is
 * given the first answer again and runs nothing; the same key with another request is 422. Keys belong to the
 * caller ({@code sub}): two callers never share one. The records name the caller and the key by blind index,
 * keep a keyed hash of the request, and seal the answer under a key derived from the request. A command records
 * its answer in its own transaction (see {@code org.sharedagreements.command.idempotency}); this filter looks the key up before anything runs, hands
 * the key to the command, gives the first answer when the command finds its key answered meanwhile, and records
 * refusals after the fact. Answers of 5xx are never recorded.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final String COMMANDS = "/api/agreements";
    /** The refusals of the command endpoints; each says the request changed nothing, so it is answered again. */
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 409, 412, 415);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    /** The key as stored: whatever a client chose to put in it stays out of the database too. */
    static final BlindIndex.Purpose KEY = new BlindIndex.Purpose("idempotency-key");
    /** The keyed hash of what a request says: a plain SHA-256 would let anyone confirm a guess of it. */
    static final BlindIndex.Purpose REQUEST = new BlindIndex.Purpose("idempotency-request");
    /** The key a request's answer is sealed under, derived from the request, so only a repeat of it opens it. */
    static final BlindIndex.Purpose ANSWER = new BlindIndex.Purpose("idempotency-answer");

    private final ObjectProvider<IdempotencyRecords> records;
    private final HandlerExceptionResolver exceptionResolver;
    private final ObjectMapper objectMapper;
    private final BlindIndex blindIndex;

    /**
     * The records exist only where the command side runs; elsewhere there is no command to make idempotent.
     * Failures reading the records go to Spring MVC's exception handling, so a database that is away is the
     * same 503 as everywhere else.
     */
    public IdempotencyFilter(ObjectProvider<IdempotencyRecords> records,
                             @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver,
                             ObjectMapper objectMapper, BlindIndex blindIndex) {
        this.records = records;
        this.exceptionResolver = exceptionResolver;
        this.objectMapper = objectMapper;
        this.blindIndex = blindIndex;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        return request.getHeader(HEADER) == null || !("POST".equals(method) || "DELETE".equals(method))
                || !(path.equals(COMMANDS) || path.startsWith(COMMANDS + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IdempotencyRecords records = this.records.getIfAvailable();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // only a verified token names a caller; anything else (Spring Security's anonymous caller above all) is
        // refused by the security rules of these paths, and must never own a key
        if (records == null || !(authentication instanceof JwtAuthenticationToken jwt) || !jwt.isAuthenticated()
                || jwt.getToken().getSubject() == null) {
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
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.tooLarge(e.limit()).getDetail(), Map.of());
            return;
        }
        String caller = blindIndex.index(BlindIndex.Purpose.IDEMPOTENCY, jwt.getToken().getSubject());
        String digest = requestHash(request, body);
        IdempotentRequest idempotent = new IdempotentRequest(caller, blindIndex.index(KEY, key),
                blindIndex.index(REQUEST, digest),
                blindIndex.index(ANSWER, caller + "|" + digest));
        if (answeredFromRecord(records, idempotent, request, response)) {
            return;
        }
        HttpServletRequest command = new CachedBodyRequest(request, body);
        command.setAttribute(IdempotentRequest.ATTRIBUTE, idempotent);
        ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
        boolean answeredBefore = false;
        try {
            chain.doFilter(command, recording);
            answeredBefore = command.getAttribute(AnsweredBeforeHandler.ATTRIBUTE) != null;
            if (answeredBefore) {
                // another request with the key committed while this one waited for it: its answer is the answer
                answerFirstCommitted(records, idempotent, request, response);
            } else if (REFUSALS.contains(recording.getStatus()) && recording.getContentSize() > 0) {
                recordRefusal(records, idempotent, recording);
            }
        } finally {
            if (!answeredBefore) {
                recording.copyBodyToResponse();
            }
        }
    }

    private void answerFirstCommitted(IdempotencyRecords records, IdempotentRequest idempotent,
                                      HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!answeredFromRecord(records, idempotent, request, response)) {
            // the first answer expired in the moment since it committed: a retry now runs afresh
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The first request with this Idempotency-Key has just been answered; retry to get its answer.",
                    Map.of());
        }
    }

    /** Gives the key's first answer (or 422 if it answered another request); false when the key has none. */
    private boolean answeredFromRecord(IdempotencyRecords records, IdempotentRequest idempotent,
                                       HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Optional<IdempotencyRecords.FirstAnswer> first;
        try {
            first = records.find(idempotent);
        } catch (DataAccessException e) {
            if (exceptionResolver.resolveException(request, response, null, e) == null) {
                throw e;
            }
            return true;
        }
        if (first.isEmpty()) {
            return false;
        }
        if (!idempotent.sameRequestAs(first.get().requestHash())) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "This Idempotency-Key was used for a different request.",
                    Map.of());
            return true;
        }
        RecordedAnswer answer = first.get().answer();
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.eTag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.eTag());
        }
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(answer.body());
        return true;
    }

    /**
     * A refusal (it changed nothing) becomes the key's first answer, best effort: without it a repeat is simply
     * decided again. An error page written by the container (no body here) is not an answer worth repeating.
     */
    private static void recordRefusal(IdempotencyRecords records, IdempotentRequest idempotent,
                                      ContentCachingResponseWrapper refusal) {
        try {
            records.recordRefusal(idempotent, new RecordedAnswer(refusal.getStatus(), refusal.getContentType(),
                    refusal.getHeader(HttpHeaders.LOCATION), refusal.getHeader(HttpHeaders.ETAG),
                    refusal.getContentAsByteArray()));
        } catch (DataAccessException e) {
            log.warn("A refusal was not recorded for its Idempotency-Key; a repeat is decided again: {}", e.toString());
        }
    }

    /** What the request says: method, path, query, {@code If-Match} (the version it is meant for) and body bytes. */
    private static String requestHash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
            // the request line cannot hold a space, so the If-Match part cannot be mistaken for path or query
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString())
                    + (ifMatch == null ? "" : " If-Match " + ifMatch) + "\n").getBytes(StandardCharsets.UTF_8));
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
