package org.sharedagreements.app.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.ErasedPerson;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;
import org.sharedagreements.sealing.SealedIdentity;

import javax.crypto.SecretKey;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Seals and opens what an event says about people: its {@link Confidential} parts (free text, categories,
 * indicators) and every user id in it ({@link PartnerId}, {@link CounsellorId}), found from the event's record
 * components and those of records inside it (boundary terms). Everything is sealed with the agreement's
 * {@link FieldSeal} (AES-256-GCM, a fresh nonce per value, associated data binding agreement, {@code event} and the
 * component's path such as {@code terms.statement}), so no stored payload is deterministic: a digest of it confirms
 * no guess of who acted or what they wrote.
 * <ul>
 *   <li>content: {@code "s1:" + base64url(nonce | ciphertext | tag)} (FieldSeal's format);</li>
 *   <li>a user id: {@link SealedIdentity}'s format, its pseudonym in front: the same person has the same one
 *       throughout the agreement, so auditors can number the people of a timeline ({@code partner-1}..) from the
 *       stored bytes alone, before and after erasure, without being able to tell who anyone is.</li>
 * </ul>
 * Once the agreement's key is destroyed, content reads as {@value Confidential#ERASED} (text) or {@code null}
 * (a category or an indicator), and every user id as {@link ErasedPerson} (distinct people stay
 * distinct; the read side shows them as {@value Confidential#ERASED}). Values stored before
 * this format (plain user ids, {@code "enc:v1:"} content) are still read.
 */
public class ContentCipher {

    /** Content sealed before {@link FieldSeal}: nonce | ciphertext | tag under the bare agreement id as associated data. */
    static final String LEGACY_PREFIX = "enc:v1:";

    private final DataKeyStore keys;

    public ContentCipher(DataKeyStore keys) {
        this.keys = keys;
    }

    /** Whether events of this type carry content or user ids at all (else they are stored as they are). */
    static boolean hasContent(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Confidential.class) || isIdentity(component.getType())
                    || hasContent(component.getType())) {
                return true;
            }
        }
        return false;
    }

    void seal(ObjectNode event, Class<?> type, AgreementId agreementId) {
        FieldSeal seal = keys.sealing(agreementId.value());
        walk(event, type, "", (part, path, value) -> {
            SealContext context = SealContext.event(agreementId.value(), path);
            String text = value.asText();
            if (part.identity) {
                return new TextNode(SealedIdentity.seal(seal, text, context));
            }
            return new TextNode(seal.seal(text, context));
        });
    }

    void open(ObjectNode event, Class<?> type, AgreementId agreementId) {
        Optional<FieldSeal> seal = keys.opening(agreementId.value());
        walk(event, type, "", (part, path, value) -> {
            String text = value.asText();
            SealContext context = SealContext.event(agreementId.value(), path);
            if (SealedIdentity.isSealed(text)) {
                return seal.<JsonNode>map(s -> new TextNode(SealedIdentity.open(s, text, context)))
                        .orElseGet(() -> new TextNode(ErasedPerson.of(SealedIdentity.pseudonymOf(text))));
            }
            if (FieldSeal.isSealed(text)) {
                return seal.<JsonNode>map(s -> new TextNode(s.open(text, context))).orElse(erased(part));
            }
            if (text.startsWith(LEGACY_PREFIX)) {
                Optional<SecretKey> key = keys.keyForReading(agreementId);
                if (key.isEmpty()) {
                    return erased(part);
                }
                byte[] sealed = Base64.getDecoder().decode(text.substring(LEGACY_PREFIX.length()));
                return new TextNode(new String(Aead.decrypt(key.get(), sealed,
                        agreementId.toString().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
            }
            return value; // stored before it was sealed
        });
    }

    private static JsonNode erased(Part part) {
        return part.type == String.class || part.type == PrivateText.class
                ? new TextNode(Confidential.ERASED) : NullNode.instance;
    }

    private static boolean isIdentity(Class<?> type) {
        return type == PartnerId.class || type == CounsellorId.class;
    }

    private interface Transform {
        JsonNode apply(Part part, String path, JsonNode value);
    }

    private static void walk(ObjectNode node, Class<?> type, String prefix, Transform transform) {
        for (Part part : SHAPES.get(type)) {
            JsonNode child = node.get(part.name);
            if (child == null || child.isNull()) {
                continue;
            }
            String path = prefix + part.name;
            if ((part.confidential || part.identity) && child.isTextual()) {
                node.set(part.name, transform.apply(part, path, child));
            } else if (part.type.isRecord() && child.isObject()) {
                walk((ObjectNode) child, part.type, path + ".", transform);
            }
        }
    }

    /** A record component as the walk needs it; looked up by reflection once per record type. */
    private record Part(String name, Class<?> type, boolean confidential, boolean identity) {
    }

    private static final ClassValue<List<Part>> SHAPES = new ClassValue<>() {
        @Override
        protected List<Part> computeValue(Class<?> type) {
            List<Part> parts = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                parts.add(new Part(component.getName(), component.getType(),
                        component.isAnnotationPresent(Confidential.class), isIdentity(component.getType())));
            }
            return List.copyOf(parts);
        }
    };
}
