package org.sharedagreements.app.crypto;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.sharedagreements.sealing.InMemoryAgreementKeys;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshots hold the aggregate's state, partner ids included: stored sealed, opened back, gone with the key. */
class SealedSnapshotSerializerTest {

    /** The shape that matters of an aggregate's snapshot: its id field names the agreement. */
    record State(String id, List<String> members) {
    }

    private final InMemoryAgreementKeys keys = new InMemoryAgreementKeys();
    private final SealedSnapshotSerializer serializer =
            new SealedSnapshotSerializer(JacksonSerializer.defaultSerializer(), keys);
    private final UUID agreement = UUID.randomUUID();

    @Test
    void aSnapshotIsStoredSealedAndReadBackAsItWas() {
        State state = new State(agreement.toString(), List.of("snap-alice", "snap-bob"));

        SerializedObject<byte[]> stored = serializer.serialize(state, byte[].class);

        String text = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("snap-alice").doesNotContain("snap-bob").contains("\"sealed\":\"s1:")
                .contains(agreement.toString());
        assertThat(stored.getType().getName()).isEqualTo(State.class.getName());
        State read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(state);
    }

    @Test
    void anErasedAgreementsSnapshotNoLongerOpens() {
        SerializedObject<byte[]> stored = serializer.serialize(new State(agreement.toString(), List.of("x")),
                byte[].class);
        keys.destroy(agreement);

        assertThatThrownBy(() -> serializer.deserialize(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destroyed");
    }

    @Test
    void aSnapshotStoredBeforeSealingIsReadAsItIs() {
        State state = new State(agreement.toString(), List.of("old"));
        SerializedObject<byte[]> plain = JacksonSerializer.defaultSerializer().serialize(state, byte[].class);

        State read = serializer.deserialize(plain);
        assertThat(read).isEqualTo(state);
    }
}
