package org.sharedagreements.app.crypto;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.sealing.AgreementKeys;
import org.sharedagreements.sealing.DataKey;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.MasterKeyring;
import org.sharedagreements.sealing.SealingException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One AES-256 data key per agreement, stored in {@code agreement_data_key} wrapped by the versioned
 * {@link MasterKeyring} (column {@code master_key_version} says which version; NULL for rows wrapped before
 * versions existed, which still open through the version imported from the old single key). Destroying a key
 * (erasure) overwrites the wrapped key with NULL, records when, and {@linkplain ErasureNotifications#announce
 * announces} it to every node on commit.
 *
 * <p>Unwrapped keys are cached in memory (at most {@value #CACHE_SIZE}). While this node's erasure listener is
 * listening, a cached key is kept for {@link #CACHE_TTL} and evicted as soon as another node's erasure arrives;
 * without a listener, or while it is not listening, no cached key older than {@link ErasureNotifications#TRUST}
 * (one second) is used. A key read while an erasure notification arrived is not cached.
 */
public class DataKeyStore implements AgreementKeys {

    static final int CACHE_SIZE = 10_000;
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final String LEGACY_WRAP_CONTEXT = "agreement-data-key";

    private final JdbcTemplate jdbc;
    private final MasterKeyring masterKeys;
    private final Clock clock;
    private final ErasureNotifications notifications;
    private final Map<UUID, Cached> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    /** Counts evictions, so a key read from the table while one happened is not cached afterwards. */
    private long evictions;

    /** A store without erasure notifications: it trusts no cached key longer than one second. */
    public DataKeyStore(JdbcTemplate jdbc, MasterKeyring masterKeys, Clock clock) {
        this(jdbc, masterKeys, clock, null);
    }

    public DataKeyStore(JdbcTemplate jdbc, MasterKeyring masterKeys, Clock clock, ErasureNotifications notifications) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
        this.clock = clock;
        this.notifications = notifications;
        if (notifications != null) {
            notifications.subscribe(this::evict, this::evictAll);
        }
    }

    /** The agreement's data key, created on first use (an agreement's first event). */
    public SecretKey keyForWriting(AgreementId agreementId) {
        return keysForWriting(agreementId.value()).secretKey();
    }

    /** The agreement's data key, or empty once the agreement was erased (or never had content). */
    public Optional<SecretKey> keyForReading(AgreementId agreementId) {
        return existingKey(agreementId.value()).map(Keys::secretKey);
    }

    @Override
    public FieldSeal sealing(UUID agreementId) {
        return keysForWriting(agreementId).seal();
    }

    @Override
    public Optional<FieldSeal> opening(UUID agreementId) {
        return existingKey(agreementId).map(Keys::seal);
    }

    private Keys keysForWriting(UUID agreementId) {
        return existingKey(agreementId).orElseGet(() -> create(agreementId));
    }

    /**
     * Destroys the agreement's data key: its content can never be decrypted again, on any node. Its snapshots,
     * sealed under that key and now of no use, go with it.
     */
    public void destroy(AgreementId agreementId) {
        jdbc.update("UPDATE agreement_data_key SET wrapped_key = NULL, master_key_version = NULL, erased_at = ? "
                + "WHERE agreement_id = ?", Timestamp.from(clock.instant()), agreementId.value());
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", agreementId.toString());
        ErasureNotifications.announce(jdbc, agreementId.value());
        evict(agreementId.value());
    }

    /** The version that wraps new keys (and that {@link #rewrapBatch} moves keys under). */
    public int primaryVersion() {
        return masterKeys.primaryVersion();
    }

    /**
     * Rewraps up to {@code limit} live keys not under the primary version, with agreement ids after {@code after}
     * (null: from the start), in the caller's transaction. Rows are locked while rewrapped and updated only if
     * their wrapped key is still the one read, so an erasure (NULL) is never overwritten: it waits or wins.
     */
    RewrapBatch rewrapBatch(UUID after, int limit) {
        int primary = masterKeys.primaryVersion();
        List<Row> rows = jdbc.query("SELECT agreement_id, wrapped_key, master_key_version FROM agreement_data_key "
                        + "WHERE wrapped_key IS NOT NULL AND (master_key_version IS NULL OR master_key_version <> ?) "
                        + "AND agreement_id > ? ORDER BY agreement_id LIMIT ? FOR UPDATE",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2), (Integer) rs.getObject(3)),
                // the nil UUID sorts first and is never an agreement's id
                primary, after == null ? new UUID(0, 0) : after, limit);
        int rewrapped = 0;
        int unopenable = 0;
        for (Row row : rows) {
            byte[] rewrappedKey;
            try {
                rewrappedKey = masterKeys.wrap(unwrap(row.wrapped, row.version, row.agreementId), row.agreementId);
            } catch (SealingException e) {
                unopenable++; // under a version no longer held (or tampered with): left as it is, and counted
                continue;
            }
            rewrapped += jdbc.update("UPDATE agreement_data_key SET wrapped_key = ?, master_key_version = ? "
                    + "WHERE agreement_id = ? AND wrapped_key = ?", rewrappedKey, primary, row.agreementId, row.wrapped);
        }
        return new RewrapBatch(rewrapped, unopenable, rows.isEmpty() ? null : rows.get(rows.size() - 1).agreementId,
                rows.size() == limit);
    }

    /** How many live keys are under the primary version, how many are not, and how many were erased. */
    KeyCounts counts() {
        return jdbc.queryForObject("SELECT count(*) FILTER (WHERE wrapped_key IS NOT NULL AND master_key_version = ?), "
                        + "count(*) FILTER (WHERE wrapped_key IS NOT NULL AND master_key_version IS DISTINCT FROM ?), "
                        + "count(*) FILTER (WHERE wrapped_key IS NULL) FROM agreement_data_key",
                (rs, n) -> new KeyCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                masterKeys.primaryVersion(), masterKeys.primaryVersion());
    }

    private Optional<Keys> existingKey(UUID agreementId) {
        Instant now = clock.instant();
        long evictionsBefore;
        synchronized (cache) {
            Cached cached = cache.get(agreementId);
            if (cached != null && trusted(cached, now)) {
                return Optional.of(cached.keys);
            }
            evictionsBefore = evictions;
        }
        List<Row> rows = jdbc.query("SELECT agreement_id, wrapped_key, master_key_version FROM agreement_data_key "
                        + "WHERE agreement_id = ?",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2), (Integer) rs.getObject(3)),
                agreementId);
        if (rows.isEmpty() || rows.get(0).wrapped == null) {
            return Optional.empty();
        }
        Keys keys = Keys.of(unwrap(rows.get(0).wrapped, rows.get(0).version, agreementId));
        remember(agreementId, keys, now, evictionsBefore);
        return Optional.of(keys);
    }

    private boolean trusted(Cached cached, Instant now) {
        if (notifications != null && notifications.listening(now)) {
            return cached.at.plus(CACHE_TTL).isAfter(now);
        }
        return cached.at.plus(ErasureNotifications.TRUST).isAfter(now);
    }

    private Keys create(UUID agreementId) {
        DataKey key = DataKey.generate();
        long evictionsBefore;
        synchronized (cache) {
            evictionsBefore = evictions;
        }
        int inserted = jdbc.update("INSERT INTO agreement_data_key (agreement_id, wrapped_key, master_key_version, "
                        + "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (agreement_id) DO NOTHING", agreementId,
                masterKeys.wrap(key, agreementId), masterKeys.primaryVersion(),
                Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return existingKey(agreementId).orElseThrow(() ->
                    new IllegalStateException("the agreement was erased; it takes no new content"));
        }
        Keys keys = Keys.of(key);
        remember(agreementId, keys, clock.instant(), evictionsBefore);
        return keys;
    }

    /** Versioned rows by the keyring; rows from before versions (NULL) by the raw path, with their old context. */
    private DataKey unwrap(byte[] wrapped, Integer version, UUID agreementId) {
        if (version == null) {
            return masterKeys.unwrapUnversioned(wrapped,
                    (LEGACY_WRAP_CONTEXT + ":" + agreementId).getBytes(StandardCharsets.UTF_8));
        }
        return masterKeys.unwrap(wrapped, agreementId);
    }

    private void remember(UUID agreementId, Keys keys, Instant now, long evictionsBefore) {
        synchronized (cache) {
            if (evictions == evictionsBefore) {
                cache.put(agreementId, new Cached(keys, now));
            }
        }
    }

    private void evict(UUID agreementId) {
        synchronized (cache) {
            evictions++;
            cache.remove(agreementId);
        }
    }

    private void evictAll() {
        synchronized (cache) {
            evictions++;
            cache.clear();
        }
    }

    private record Cached(Keys keys, Instant at) {
    }

    /** An unwrapped data key in the two forms its users take: the event cipher's JCE key and the field seal. */
    private record Keys(SecretKey secretKey, FieldSeal seal) {

        static Keys of(DataKey key) {
            return new Keys(key.toSecretKey(), new FieldSeal(key));
        }
    }

    private record Row(UUID agreementId, byte[] wrapped, Integer version) {
    }

    /** One batch of {@link #rewrapBatch}: how many rows moved, how many no held version opens, the last id looked at, whether more may follow. */
    record RewrapBatch(int rewrapped, int unopenable, UUID last, boolean more) {
    }

    /** Live keys under the primary, live keys under another version (or none), erased keys. */
    record KeyCounts(long underPrimary, long notUnderPrimary, long erased) {
    }
}
