package org.sharedagreements.app.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code idempotency_key} table: claims a (caller, key) pair, records its answer, forgets it after 24 hours. */
@Repository
public class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);
    /** A request still marked running after this long died with its node; a repeat may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Recorded(String requestHash, Integer status, String contentType, String location, String etag, byte[] body,
                    Instant createdAt) {
        boolean running() {
            return status == null;
        }
    }

    /** Claims the key for this request; false when someone already holds it. */
    boolean claim(String caller, String key, String requestHash) {
        Instant now = clock.instant();
        // a stale claim (expired, or abandoned while running) gives way first
        jdbc.update("DELETE FROM idempotency_key WHERE caller = ? AND idempotency_key = ? AND (created_at < ? "
                        + "OR (status IS NULL AND created_at < ?))", caller, key,
                Timestamp.from(now.minus(RETENTION)), Timestamp.from(now.minus(ABANDONED_AFTER)));
        return jdbc.update("INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", caller, key, requestHash, Timestamp.from(now)) == 1;
    }

    Optional<Recorded> find(String caller, String key) {
        List<Recorded> rows = jdbc.query("SELECT request_hash, status, content_type, location, etag, body, created_at "
                        + "FROM idempotency_key WHERE caller = ? AND idempotency_key = ?",
                (rs, n) -> new Recorded(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6), rs.getTimestamp(7).toInstant()), caller, key);
        return rows.stream().findFirst();
    }

    void complete(String caller, String key, int status, String contentType, String location, String etag,
                  byte[] body) {
        jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, etag = ?, body = ? "
                + "WHERE caller = ? AND idempotency_key = ?", status, contentType, location, etag, body, caller, key);
    }

    /** Lets a request that failed on our side (5xx) be tried again with the same key. */
    void release(String caller, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE caller = ? AND idempotency_key = ? AND status IS NULL",
                caller, key);
    }

    @Scheduled(fixedDelayString = "${agreements.idempotency.cleanup-interval:PT10M}", initialDelay = 60_000)
    public void forgetExpired() {
        jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?",
                Timestamp.from(clock.instant().minus(RETENTION)));
    }
}
