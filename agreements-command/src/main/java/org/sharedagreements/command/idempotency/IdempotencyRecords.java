package org.sharedagreements.command.idempotency;

import org.sharedagreements.command.CommandSide;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code idempotency_key} table: per caller (by blind index) and key, the keyed hash of the request that came
 * first and the answer it got, its body sealed under the request's own answer key, kept for 24 hours. A command's row is written in the command's own transaction (claimed before its handler runs,
 * answered after), so it exists exactly when the command's events do; a refusal's row is written after the
 * fact. A row past its 24 hours counts as absent and gives way to the next request with its key.
 */
@CommandSide
@Repository
public class IdempotencyRecords {

    private static final Duration RETENTION = Duration.ofHours(24);

    // An existing row is taken over only when it has expired; otherwise nothing is written. When the existing
    // row is still uncommitted (the first request is running), PostgreSQL waits for its transaction first: no
    // row if it commits, the new row if it rolls back. Unlike a plain INSERT's unique violation, affecting no
    // row leaves the command's transaction usable and raises no SQL error that could pass for an append conflict.
    private static final String UPSERT = "INSERT INTO idempotency_key (caller, idempotency_key, request_hash, status, "
            + "content_type, location, etag, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (caller, idempotency_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, "
            + "status = EXCLUDED.status, content_type = EXCLUDED.content_type, location = EXCLUDED.location, "
            + "etag = EXCLUDED.etag, body = EXCLUDED.body, created_at = EXCLUDED.created_at "
            + "WHERE idempotency_key.created_at < ?";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "the JDBC template of the command's data source");
        this.clock = Objects.requireNonNull(clock, "the service's clock");
    }

    /** What a key's row says: the hash of the request that came first, and the answer it got. */
    public record FirstAnswer(String requestHash, RecordedAnswer answer) {
    }

    /**
     * The first answer to the caller's key within the last 24 hours, if there is one. Its body opens only for the
     * same request; for another one (a 422 follows) it is left empty.
     */
    public Optional<FirstAnswer> find(IdempotentRequest request) {
        return jdbc.query("SELECT request_hash, status, content_type, location, etag, body FROM idempotency_key "
                        + "WHERE caller = ? AND idempotency_key = ? AND created_at >= ? AND status IS NOT NULL",
                (rs, n) -> {
                    String requestHash = rs.getString(1);
                    byte[] body = rs.getBytes(6);
                    boolean same = request.sameRequestAs(requestHash);
                    return new FirstAnswer(requestHash, new RecordedAnswer(rs.getInt(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), same && body != null ? request.openAnswer(body) : null));
                },
                request.caller(), request.key(), Timestamp.from(expiredBefore())).stream().findFirst();
    }

    /**
     * Claims the key for the command about to run, in the command's transaction; false when the key already has
     * a first answer. Rolls back with the command.
     */
    boolean claim(IdempotentRequest request) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(Objects.requireNonNull(jdbc.getDataSource()))) {
            // outside the command's transaction the claim would commit on its own, and a command that then
            // failed would leave its key taken without an answer
            throw new IllegalStateException("an Idempotency-Key is claimed only in the command's transaction");
        }
        return upsert(request, null) == 1;
    }

    /** The command's answer, into the row it claimed, before the command's events are appended at commit. */
    void complete(IdempotentRequest request, RecordedAnswer answer) {
        int updated = jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, etag = ?, "
                        + "body = ? WHERE caller = ? AND idempotency_key = ?", answer.status(), answer.contentType(),
                answer.location(), answer.eTag(), request.sealAnswer(answer.body()), request.caller(), request.key());
        if (updated != 1) {
            throw new IllegalStateException("the command's claimed Idempotency-Key row is missing");
        }
    }

    /**
     * A refusal as the first answer to its key, in a transaction of its own (the caller holds none): it changed
     * nothing, so recording it is best effort. A key that has a first answer meanwhile keeps it.
     */
    public void recordRefusal(IdempotentRequest request, RecordedAnswer answer) {
        if (answer.status() < 400) {
            throw new IllegalArgumentException("a refusal is a 4xx answer, not " + answer.status());
        }
        upsert(request, answer);
    }

    private int upsert(IdempotentRequest request, RecordedAnswer answer) {
        Instant now = clock.instant();
        return jdbc.update(UPSERT, statement -> {
            statement.setString(1, request.caller());
            statement.setString(2, request.key());
            statement.setString(3, request.requestHash());
            statement.setObject(4, answer == null ? null : answer.status(), Types.INTEGER);
            statement.setString(5, answer == null ? null : answer.contentType());
            statement.setString(6, answer == null ? null : answer.location());
            statement.setString(7, answer == null ? null : answer.eTag());
            statement.setBytes(8, answer == null ? null : request.sealAnswer(answer.body()));
            statement.setTimestamp(9, Timestamp.from(now));
            statement.setTimestamp(10, Timestamp.from(now.minus(RETENTION)));
        });
    }

    private Instant expiredBefore() {
        return clock.instant().minus(RETENTION);
    }

    public void forgetExpired() {
        jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", Timestamp.from(expiredBefore()));
    }
}
