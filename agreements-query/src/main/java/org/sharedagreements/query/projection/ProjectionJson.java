package org.sharedagreements.query.projection;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapper the projections write their documents with. It is deliberately not Spring Boot's mapper:
 * {@code spring.jackson.*} settings would otherwise change what is stored in the read models.
 */
public final class ProjectionJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProjectionJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
