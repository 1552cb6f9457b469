package org.sharedagreements.app.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires encryption at rest: the master key from {@code agreements.crypto.master-key} (the local profile generates
 * one under {@code ./data}; {@code prod} refuses to start without it), the data key store, and the event
 * serializer: Jackson like everything else, on a copy of Spring's ObjectMapper that seals and opens content.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    @Bean
    public MasterKey masterKey(@Value("${agreements.crypto.master-key:}") String configured,
                               @Value("${agreements.crypto.local-master-key-file:}") String localFile,
                               Environment environment) {
        if (StringUtils.hasText(configured)) {
            return MasterKey.fromBase64(configured);
        }
        if (environment.acceptsProfiles(Profiles.of("local")) && StringUtils.hasText(localFile)) {
            return MasterKey.fromBase64(LocalMasterKeyFile.readOrCreate(Path.of(localFile)));
        }
        throw new IllegalStateException("no master key: set AGREEMENTS_CRYPTO_MASTER_KEY (base64 of 32 bytes)");
    }

    @Bean
    public DataKeyStore dataKeyStore(JdbcTemplate jdbc, MasterKey masterKey) {
        return new DataKeyStore(jdbc, masterKey, Clock.systemUTC());
    }

    @Bean
    public ContentCipher contentCipher(DataKeyStore keys) {
        return new ContentCipher(keys);
    }

    /** Axon serializes events (and snapshots) with this; the content of an event never reaches storage in the clear. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectMapper objectMapper, ContentCipher cipher) {
        ObjectMapper eventMapper = objectMapper.copy().registerModule(new ConfidentialContentModule(cipher));
        // stored events were written by this serializer: checking them for repeated fields (which requests are
        // checked for) only costs time on every load and replay
        eventMapper.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return JacksonSerializer.builder().objectMapper(eventMapper).build();
    }

}
