package org.sharedagreements.query.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The export carries, per event, exactly what the formula of docs/contract.md ("Hash chain") needs, linked event to event. */
class ChainExportTest {

    private static final String AGREEMENT = "0b6f6a8e-5f4d-4c1e-9a59-2f6b7f0d1c11";

    @Test
    void eachEventLinksToTheHashStoredWithThePreviousOne() {
        List<StoredEvent> events = chain(3);

        ChainExport export = ChainExport.withPayloads(AGREEMENT, events);

        assertThat(export.agreementId()).isEqualTo(AGREEMENT);
        assertThat(export.events()).hasSize(3);
        assertThat(export.events().get(0).prevHash()).isEqualTo("0".repeat(64));
        assertThat(export.events().get(1).prevHash()).isEqualTo(events.get(0).storedHash());
        assertThat(export.events().get(2).prevHash()).isEqualTo(events.get(1).storedHash());
        assertThat(export.headHash()).isEqualTo(events.get(2).storedHash());
        for (int i = 0; i < 3; i++) {
            ChainExport.Event event = export.events().get(i);
            assertThat(event.hash()).isEqualTo(HashChain.hash(event.prevHash(), AGREEMENT, event.sequence(),
                    event.type(), event.at(), event.payloadDigest()));
        }
    }

    @Test
    void thePartnersExportCarriesThePayloadBytesAsStored() {
        List<StoredEvent> events = chain(2);

        ChainExport export = ChainExport.withPayloads(AGREEMENT, events);

        assertThat(Base64.getDecoder().decode(export.events().get(1).payload())).isEqualTo(events.get(1).payload());
        assertThat(export.events().get(1).payloadDigest()).isEqualTo(HashChain.payloadDigest(events.get(1).payload()));
    }

    @Test
    void theRedactedExportLeavesThePayloadOutAndKeepsEverythingElse() {
        List<StoredEvent> events = chain(2);

        ChainExport full = ChainExport.withPayloads(AGREEMENT, events);
        ChainExport redacted = ChainExport.redacted(AGREEMENT, events);

        assertThat(redacted.events()).allSatisfy(event -> assertThat(event.payload()).isNull());
        assertThat(redacted.headHash()).isEqualTo(full.headHash());
        for (int i = 0; i < 2; i++) {
            ChainExport.Event a = full.events().get(i);
            ChainExport.Event b = redacted.events().get(i);
            assertThat(List.of(b.sequence(), b.type(), b.at(), b.payloadDigest(), b.prevHash(), b.hash()))
                    .isEqualTo(List.of(a.sequence(), a.type(), a.at(), a.payloadDigest(), a.prevHash(), a.hash()));
        }
    }

    @Test
    void timestampsAreWrittenWithMillisecondsAsTheFormulaDoes() {
        StoredEvent event = new StoredEvent(0, "org.example.AgreementDrafted", "2026-11-26T17:00:00.123456789Z",
                "{}".getBytes(StandardCharsets.UTF_8), "x".repeat(64));

        assertThat(ChainExport.redacted(AGREEMENT, List.of(event)).events().get(0).at())
                .isEqualTo("2026-11-26T17:00:00.123Z");
    }

    @Test
    void anAgreementWithoutEventsHasNoHead() {
        assertThat(ChainExport.redacted(AGREEMENT, List.of()).headHash()).isNull();
    }

    private static List<StoredEvent> chain(int length) {
        List<StoredEvent> events = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 0; i < length; i++) {
            byte[] payload = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            String stored = "2026-11-26T17:00:0" + i + ".5Z";
            String hash = HashChain.hash(previous, AGREEMENT, i, "Event" + i, HashChain.at(stored),
                    HashChain.payloadDigest(payload));
            events.add(new StoredEvent(i, "org.example.Event" + i, stored, payload, hash));
            previous = hash;
        }
        assertThat(ChainVerifier.verify(AGREEMENT, events).valid()).isTrue();
        return events;
    }
}
