package org.sharedagreements.app.security;

import org.sharedagreements.sealing.BlindIndex;
import org.sharedagreements.sealing.DataKey;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;
import org.sharedagreements.sealing.SealingException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** The web pages' sessions, as Spring Boot stores them in PostgreSQL (Spring Session JDBC, migration V31). */
@Configuration(proxyBeanMethods = false)
public class WebSessionConfiguration {

    /** The key's purpose in the blind-index key's derivations: sessions have a key of their own. */
    private static final BlindIndex.Purpose SESSIONS = new BlindIndex.Purpose("web-session");
    /** Sessions belong to no agreement: the nil UUID stands in the associated data. */
    private static final SealContext ATTRIBUTES = SealContext.column(new UUID(0, 0), "spring_session_attributes",
            "attribute_bytes");

    /**
     * Sessions are indexed by no one: {@code PRINCIPAL_NAME} stays empty, so the session table lists no one
     * (nothing here looks sessions up by person). And their attributes, which hold the signed-in person's id and
     * their tokens, are sealed (AES-256-GCM under a key derived from the blind-index key, which is never in the
     * database): the session tables name nobody in the clear. An attribute that no longer opens (the key changed)
     * reads as absent, so its session simply signs in again.
     */
    @Bean
    public SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sealedSessionsIndexedByNoOne(BlindIndex blindIndex) {
        FieldSeal seal = new FieldSeal(DataKey.fromBytes(Base64.getUrlDecoder().decode(
                blindIndex.index(SESSIONS, "attributes"))));
        SerializingConverter serializer = new SerializingConverter();
        DeserializingConverter deserializer = new DeserializingConverter(WebSessionConfiguration.class.getClassLoader());
        GenericConversionService conversion = new GenericConversionService();
        conversion.addConverter(Object.class, byte[].class,
                value -> seal.sealBytes(serializer.convert(value), ATTRIBUTES));
        conversion.addConverter(byte[].class, Object.class, sealed -> {
            try {
                return deserializer.convert(seal.openBytes(sealed, ATTRIBUTES));
            } catch (SealingException unreadable) {
                return null;
            }
        });
        return repository -> {
            repository.setIndexResolver(session -> Map.of());
            repository.setConversionService(conversion);
        };
    }
}
