package org.sharedagreements.app.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.sharedagreements.sealing.AgreementKeys;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Serializes aggregate snapshots sealed as a whole under the agreement's data key: a snapshot holds the
 * agreement's state, whose partner and counsellor ids must not reach the disk in the clear any more than the
 * events' do. Stored form: {@code {"agreementId":"<uuid>","sealed":"s1:..."}}, the sealed value being the
 * snapshot as the delegate serializes it, with associated data binding agreement,
 * {@code snapshot_event_entry} and {@code payload}. The agreement id is the snapshot's own {@code id} field. The
 * storage engine serializes the snapshot's meta data with this serializer too; that is stored as it is.
 * <p>
 * Once the agreement is erased its snapshot no longer opens; Axon then logs it and rebuilds the aggregate from its
 * events, as it does for any snapshot it cannot read (and erasure deletes the agreement's snapshots anyway).
 * A snapshot stored before this format is read as it is.
 */
public class SealedSnapshotSerializer implements Serializer {

    static final String TABLE = "snapshot_event_entry";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Serializer delegate;
    private final AgreementKeys keys;

    public SealedSnapshotSerializer(Serializer delegate, AgreementKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object instanceof MetaData) {
            // the snapshot's meta data (trace and correlation ids) names nobody: stored as it is
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> plain = delegate.serialize(object, byte[].class);
        UUID agreementId = agreementIdOf(read(plain.getData()));
        FieldSeal seal = keys.sealing(agreementId);
        ObjectNode stored = JSON.createObjectNode();
        stored.put("agreementId", agreementId.toString());
        stored.put("sealed", seal.seal(new String(plain.getData(), StandardCharsets.UTF_8),
                context(agreementId)));
        SerializedObject<byte[]> sealed = new SimpleSerializedObject<>(write(stored), byte[].class, plain.getType());
        return getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedObject<byte[]> bytes = getConverter().convert(serializedObject, byte[].class);
        JsonNode stored = read(bytes.getData());
        if (!stored.hasNonNull("sealed")) {
            return delegate.deserialize(serializedObject);
        }
        UUID agreementId = UUID.fromString(stored.path("agreementId").asText());
        FieldSeal seal = keys.opening(agreementId).orElseThrow(() -> new IllegalStateException(
                "the agreement's data key is destroyed: its snapshot no longer opens"));
        byte[] plain = seal.open(stored.get("sealed").asText(), context(agreementId))
                .getBytes(StandardCharsets.UTF_8);
        return delegate.deserialize(new SimpleSerializedObject<>(plain, byte[].class, serializedObject.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static SealContext context(UUID agreementId) {
        return SealContext.column(agreementId, TABLE, "payload");
    }

    private static UUID agreementIdOf(JsonNode snapshot) {
        JsonNode id = snapshot.get("id");
        if (id == null || !id.isTextual()) {
            throw new IllegalArgumentException("a snapshot to seal names its agreement in its id field");
        }
        return UUID.fromString(id.asText());
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a snapshot is not JSON", e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
