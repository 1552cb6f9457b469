package org.sharedagreements.app.crypto;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;

import java.io.IOException;

/**
 * The Jackson module of the event serializer (and only of it: API responses use Spring's own ObjectMapper):
 * events with content are written with their {@code Confidential} parts sealed and read back opened.
 */
public class ConfidentialContentModule extends SimpleModule {

    public ConfidentialContentModule(ContentCipher cipher) {
        super("confidential-content");
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                      JsonSerializer<?> serializer) {
                Class<?> type = description.getBeanClass();
                return isEventWithContent(type)
                        ? new SealingSerializer((JsonSerializer<Object>) serializer, type, cipher) : serializer;
            }
        });
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return isEventWithContent(type) ? new OpeningDeserializer(deserializer, type, cipher) : deserializer;
            }
        });
    }

    private static boolean isEventWithContent(Class<?> type) {
        return AgreementEvent.class.isAssignableFrom(type) && ContentCipher.hasContent(type);
    }

    private static final class SealingSerializer extends JsonSerializer<Object>
            implements ResolvableSerializer, ContextualSerializer {

        private final JsonSerializer<Object> delegate;
        private final Class<?> type;
        private final ContentCipher cipher;

        SealingSerializer(JsonSerializer<Object> delegate, Class<?> type, ContentCipher cipher) {
            this.delegate = delegate;
            this.type = type;
            this.cipher = cipher;
        }

        @Override
        public void serialize(Object event, JsonGenerator generator, SerializerProvider provider) throws IOException {
            TokenBuffer buffer = new TokenBuffer(generator.getCodec(), false);
            delegate.serialize(event, buffer, provider);
            JsonNode tree;
            try (JsonParser parser = buffer.asParser(generator.getCodec())) {
                tree = parser.readValueAsTree();
            }
            cipher.seal((ObjectNode) tree, type, ((AgreementEvent) event).agreementId());
            generator.writeTree(tree);
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (delegate instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<?> contextual = delegate instanceof ContextualSerializer c
                    ? c.createContextual(provider, property) : delegate;
            return contextual == delegate ? this
                    : new SealingSerializer((JsonSerializer<Object>) contextual, type, cipher);
        }

        @Override
        public Class<Object> handledType() {
            return Object.class;
        }
    }

    private static final class OpeningDeserializer extends DelegatingDeserializer {

        private final Class<?> type;
        private final ContentCipher cipher;

        OpeningDeserializer(JsonDeserializer<?> delegate, Class<?> type, ContentCipher cipher) {
            super(delegate);
            this.type = type;
            this.cipher = cipher;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new OpeningDeserializer(newDelegatee, type, cipher);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = parser.readValueAsTree();
            if (tree instanceof ObjectNode event && event.hasNonNull("agreementId")) {
                cipher.open(event, type, AgreementId.of(event.get("agreementId").asText()));
            }
            try (JsonParser opened = tree.traverse(parser.getCodec())) {
                opened.nextToken();
                return _delegatee.deserialize(opened, context);
            }
        }
    }
}
