package org.sharedagreements.app.crypto;

import org.sharedagreements.kernel.AgreementId;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One AES-256 data key per agreement, stored wrapped by the master key in {@code agreement_data_key}. Destroying a
 * key (erasure) overwrites the wrapped key with NULL and records when. Unwrapped keys are cached briefly in memory
 * (at most {@value #CACHE_SIZE}, each for {@link #CACHE_TTL}), so another node that has cached a key forgets it
 * within that time after an erasure elsewhere.
 */
public class DataKeyStore {

    static final int CACHE_SIZE = 10_000;
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final byte[] WRAP_CONTEXT = "agreement-data-key".getBytes(StandardCharsets.UTF_8);

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;
    private final Clock clock;
    private final Map<UUID, Cached> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public DataKeyStore(JdbcTemplate jdbc, MasterKey masterKey, Clock clock) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    /** The agreement's data key, created on first use (an agreement's first event). */
    public SecretKey keyForWriting(AgreementId agreementId) {
        return existingKey(agreementId).orElseGet(() -> create(agreementId));
    }

    /** The agreement's data key, or empty once the agreement was erased (or never had content). */
    public Optional<SecretKey> keyForReading(AgreementId agreementId) {
        return existingKey(agreementId);
    }

    /** Destroys the agreement's data key: its content can never be decrypted again. */
    public void destroy(AgreementId agreementId) {
        jdbc.update("UPDATE agreement_data_key SET wrapped_key = NULL, erased_at = ? WHERE agreement_id = ?",
                java.sql.Timestamp.from(clock.instant()), agreementId.value());
        synchronized (cache) {
            cache.remove(agreementId.value());
        }
    }

    private Optional<SecretKey> existingKey(AgreementId agreementId) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(agreementId.value());
            if (cached != null && cached.until.isAfter(now)) {
                return Optional.of(cached.key);
            }
        }
        List<byte[]> rows = jdbc.query("SELECT wrapped_key FROM agreement_data_key WHERE agreement_id = ?",
                (rs, n) -> rs.getBytes(1), agreementId.value());
        if (rows.isEmpty() || rows.get(0) == null) {
            return Optional.empty();
        }
        SecretKey key = unwrap(rows.get(0), agreementId);
        remember(agreementId, key, now);
        return Optional.of(key);
    }

    private SecretKey create(AgreementId agreementId) {
        SecretKey key = newDataKey();
        byte[] wrapped = Aead.encrypt(masterKey.key(), key.getEncoded(), wrapContext(agreementId));
        int inserted = jdbc.update("INSERT INTO agreement_data_key (agreement_id, wrapped_key, created_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (agreement_id) DO NOTHING", agreementId.value(), wrapped,
                java.sql.Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return existingKey(agreementId).orElseThrow(() ->
                    new IllegalStateException("the agreement was erased; it takes no new content"));
        }
        remember(agreementId, key, clock.instant());
        return key;
    }

    private SecretKey unwrap(byte[] wrapped, AgreementId agreementId) {
        return new SecretKeySpec(Aead.decrypt(masterKey.key(), wrapped, wrapContext(agreementId)), "AES");
    }

    private void remember(AgreementId agreementId, SecretKey key, Instant now) {
        synchronized (cache) {
            cache.put(agreementId.value(), new Cached(key, now.plus(CACHE_TTL)));
        }
    }

    private static byte[] wrapContext(AgreementId agreementId) {
        return (new String(WRAP_CONTEXT, StandardCharsets.UTF_8) + ":" + agreementId).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private record Cached(SecretKey key, Instant until) {
    }
}
