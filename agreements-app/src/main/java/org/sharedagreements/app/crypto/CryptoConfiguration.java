package org.sharedagreements.app.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.sharedagreements.app.config.LocalSecretFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

import java.time.Clock;
import java.util.Base64;

/**
 * Wires encryption at rest: the master key from {@code agreements.crypto.master-key} (the local profile generates
 * one under {@code ./data}; {@code prod} refuses to start without it), the data key store, and the event
 * serializer: Jackson like everything else, on a copy of Spring's ObjectMapper that seals and opens content.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoSettings.class)
public class CryptoConfiguration {

    @Bean
    public MasterKey masterKey(CryptoSettings settings, Environment environment) {
        if (StringUtils.hasText(settings.masterKey())) {
            return MasterKey.fromBase64(settings.masterKey());
        }
        if (environment.acceptsProfiles(Profiles.of("local")) && settings.localMasterKeyFile() != null) {
            return MasterKey.fromBase64(LocalSecretFile.readOrCreate(settings.localMasterKeyFile(), MasterKey.BYTES,
                    Base64.getEncoder()::encodeToString, "local master key"));
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
