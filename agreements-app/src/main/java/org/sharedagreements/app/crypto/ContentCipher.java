package org.sharedagreements.app.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;

import javax.crypto.SecretKey;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts and decrypts the {@link Confidential} parts of an event's JSON tree, found from the event's record
 * components (and those of records inside it, such as boundary terms). A sealed value is the string
 * {@code "enc:v1:" + base64(nonce | ciphertext | tag)}, bound to its agreement as associated data.
 */
public class ContentCipher {

    static final String PREFIX = "enc:v1:";

    private final DataKeyStore keys;

    public ContentCipher(DataKeyStore keys) {
        this.keys = keys;
    }

    /** Whether events of this type carry content at all (else they are stored as they are). */
    static boolean hasContent(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Confidential.class) || hasContent(component.getType())) {
                return true;
            }
        }
        return false;
    }

    void seal(ObjectNode event, Class<?> type, AgreementId agreementId) {
        SecretKey key = keys.keyForWriting(agreementId);
        byte[] context = context(agreementId);
        walk(event, type, value -> new TextNode(PREFIX + Base64.getEncoder().encodeToString(
                Aead.encrypt(key, value.asText().getBytes(StandardCharsets.UTF_8), context))), false);
    }

    void open(ObjectNode event, Class<?> type, AgreementId agreementId) {
        Optional<SecretKey> key = keys.keyForReading(agreementId);
        byte[] context = context(agreementId);
        walk(event, type, value -> {
            String text = value.asText();
            if (!text.startsWith(PREFIX)) {
                return value;
            }
            if (key.isEmpty()) {
                return null;
            }
            byte[] sealed = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            return new TextNode(new String(Aead.decrypt(key.get(), sealed, context), StandardCharsets.UTF_8));
        }, true);
    }

    private interface Transform {
        /** The new value, or {@code null} for content that is erased. */
        JsonNode apply(JsonNode value);
    }

    private static void walk(ObjectNode node, Class<?> type, Transform transform, boolean reading) {
        for (Part part : SHAPES.get(type)) {
            JsonNode child = node.get(part.name);
            if (child == null || child.isNull()) {
                continue;
            }
            if (part.confidential && child.isTextual()) {
                JsonNode result = transform.apply(child);
                node.set(part.name, result != null ? result
                        : part.type == String.class || part.type == PrivateText.class ? new TextNode(Confidential.ERASED)
                        : NullNode.instance);
            } else if (part.type.isRecord() && child.isObject()) {
                walk((ObjectNode) child, part.type, transform, reading);
            }
        }
    }

    /** A record component as the walk needs it; looked up by reflection once per record type. */
    private record Part(String name, Class<?> type, boolean confidential) {
    }

    private static final ClassValue<List<Part>> SHAPES = new ClassValue<>() {
        @Override
        protected List<Part> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(component -> new Part(component.getName(),
                    component.getType(), component.isAnnotationPresent(Confidential.class))).toList();
        }
    };

    private static byte[] context(AgreementId agreementId) {
        return agreementId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
