package org.sharedagreements.app.storage;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.ReviewPeriod;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.BreachResolutionConfirmed;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.DraftAgreement;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's free text ({@link PrivateText}) is the bare JSON string it was when these components were
 * {@code String}s: payloads stored before the change (fixtures written in that shape) read into today's records with
 * the text intact and serialize back byte for byte, so no event revision and no upcaster is needed. (The content
 * cipher then encrypts those same string nodes, as before.)
 */
class StoredPayloadShapeTest {

    private static final String A = "\"agreementId\":\"0d7e9a52-6a3f-4d8e-9b1c-2f4a5b6c7d8e\",\"actor\":\"alex\"";
    private static final String BOUNDARY = "\"boundaryId\":\"5b1d3c2e-8f4a-4b6c-9d7e-1a2b3c4d5e6f\"";
    private static final String BREACH = "\"breachId\":\"7c2e4d3f-9a5b-4c7d-8e1f-2b3c4d5e6f70\"";
    private static final String FLAG = "\"flagId\":\"9e4f6a5b-1c7d-4e9f-8a2b-3c4d5e6f7081\"";

    /** The event serializer's mapper as Spring Boot configures it (ISO-8601 instants), without the cipher. */
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();

    static Stream<Arguments> payloadsStoredBeforePrivateText() {
        return Stream.of(
                Arguments.of(AgreementDrafted.class, "{" + A + ",\"title\":\"Rebuilding trust \\\"together\\\" \u00e9\"}",
                        "Rebuilding trust \"together\" \u00e9"),
                Arguments.of(BoundaryDeclined.class,
                        "{" + A + "," + BOUNDARY + ",\"boundaryVersion\":2,\"reason\":\"Too vague for me\"}", "Too vague for me"),
                Arguments.of(ConsentWithdrawn.class, "{" + A + "," + BOUNDARY + ",\"boundaryVersion\":1,\"reason\":\"\"}", ""),
                Arguments.of(BoundaryBroken.class, "{" + A + "," + BREACH + "," + BOUNDARY + ",\"boundaryVersion\":1,"
                        + "\"breachedBy\":\"sam\",\"selfDisclosed\":false,\"description\":\"Line one\\nline two\","
                        + "\"occurredAt\":\"2026-11-30T10:15:30Z\"}", "Line one\nline two"),
                Arguments.of(BreachResolutionConfirmed.class, "{" + A + "," + BREACH + ",\"note\":null}", null),
                Arguments.of(RedFlagRaised.class, "{" + A + "," + FLAG + ",\"indicator\":\"LONELINESS\","
                        + "\"note\":\"Evenings feel distant lately.\"}", "Evenings feel distant lately."),
                Arguments.of(RedFlagAddressed.class, "{" + A + "," + FLAG + ",\"note\":\"" + Confidential.ERASED + "\"}",
                        Confidential.ERASED),
                Arguments.of(DraftAgreement.class, "{" + A + ",\"title\":\"Our agreement\",\"expectedVersion\":null}",
                        "Our agreement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloadsStoredBeforePrivateText")
    void aPayloadStoredBeforeReadsWithItsTextAndSerializesBackByteForByte(Class<? extends Record> type, String stored,
                                                                        String text) throws Exception {
        Record message = serializer.deserialize(
                new SimpleSerializedObject<>(stored, String.class, serializer.typeForClass(type)));

        assertThat(message).isInstanceOf(type);
        assertThat(PrivateText.valueOf(privateText(message))).isEqualTo(text);
        assertThat(serializer.serialize(message, String.class).getData()).isEqualTo(stored);
        assertThat(serializer.serialize(message, byte[].class).getData())
                .isEqualTo(stored.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void termsStoredBeforeTheyHadALanguageReadAsTermsInNoStatedLanguage() throws Exception {
        String stored = "{" + A + "," + BOUNDARY + ",\"boundaryVersion\":1,\"terms\":{\"category\":\"FLIRTATION\","
                + "\"statement\":\"No flirting at work\",\"measure\":\"\",\"consequence\":\"\",\"reviewEvery\":\"P30D\"}}";

        BoundaryProposed proposed = serializer.deserialize(
                new SimpleSerializedObject<>(stored, String.class, serializer.typeForClass(BoundaryProposed.class)));

        assertThat(proposed.terms()).isEqualTo(new BoundaryTerms(BoundaryCategory.FLIRTATION, "No flirting at work",
                "", "", ReviewPeriod.DEFAULT));
        assertThat(proposed.terms().language()).isNull();
    }

    private static PrivateText privateText(Record message) throws ReflectiveOperationException {
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            if (component.getType() == PrivateText.class) {
                return (PrivateText) component.getAccessor().invoke(message);
            }
        }
        throw new AssertionError("no private text in " + message.getClass().getSimpleName());
    }
}
