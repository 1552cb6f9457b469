package org.sharedagreements.query.audit;

import org.junit.jupiter.api.Test;
import org.sharedagreements.query.integrity.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors see people as partner-1, partner-2, ... in order of first appearance; never their ids or content. */
class PseudonymsTest {

    private final List<StoredEvent> events = new ArrayList<>();

    @Test
    void theDrafterIsPartnerOneAndJoinersFollowInOrder() {
        event("AgreementDrafted", "{\"agreementId\":\"x\",\"actor\":\"ann\",\"title\":\"enc:v1:abc\"}");
        event("PartnerInvited", "{\"agreementId\":\"x\",\"actor\":\"ann\",\"partnerId\":\"ben\"}");
        event("PartnerInvited", "{\"agreementId\":\"x\",\"actor\":\"ann\",\"partnerId\":\"cy\"}");
        event("PartnerJoined", "{\"agreementId\":\"x\",\"actor\":\"cy\"}");
        event("PartnerJoined", "{\"agreementId\":\"x\",\"actor\":\"ben\"}");
        event("BoundaryProposed", "{\"agreementId\":\"x\",\"actor\":\"ben\",\"terms\":{\"statement\":\"enc:v1:q\"}}");

        List<AuditTimelineEntry> entries = Pseudonyms.redact(events, -1);

        assertThat(entries).extracting(AuditTimelineEntry::actor)
                .containsExactly("partner-1", "partner-1", "partner-1", "partner-2", "partner-3", "partner-3");
        assertThat(entries).extracting(AuditTimelineEntry::type).containsExactly("AgreementDrafted",
                "PartnerInvited", "PartnerInvited", "PartnerJoined", "PartnerJoined", "BoundaryProposed");
    }

    @Test
    void serviceEventsHaveNoActor() {
        event("AgreementDrafted", "{\"actor\":\"ann\"}");
        event("BoundaryReviewDue", "{\"actor\":null,\"boundaryVersion\":1}");
        event("BoundaryActivated", "{\"boundaryVersion\":1}");

        assertThat(Pseudonyms.redact(events, -1)).extracting(AuditTimelineEntry::actor)
                .containsExactly("partner-1", null, null);
    }

    @Test
    void aPageNumbersActorsOverEveryEarlierEvent() {
        event("AgreementDrafted", "{\"actor\":\"ann\"}");
        event("PartnerJoined", "{\"actor\":\"ben\"}");
        event("RedFlagRaised", "{\"actor\":\"ben\"}");
        event("RedFlagAddressed", "{\"actor\":\"ann\"}");

        List<AuditTimelineEntry> page = Pseudonyms.redact(events, 1);

        assertThat(page).extracting(AuditTimelineEntry::sequence).containsExactly(2L, 3L);
        assertThat(page).extracting(AuditTimelineEntry::actor).containsExactly("partner-2", "partner-1");
    }

    @Test
    void anUnreadablePayloadNamesNobody() {
        event("AgreementDrafted", "{\"actor\":\"ann\"}");
        event("PartnerJoined", "not json at all");

        assertThat(Pseudonyms.redact(events, -1)).extracting(AuditTimelineEntry::actor)
                .containsExactly("partner-1", null);
    }

    @Test
    void entriesKeepTheStoredHashAndMillisecondTime() {
        event("AgreementDrafted", "{\"actor\":\"ann\"}");

        AuditTimelineEntry entry = Pseudonyms.redact(events, -1).get(0);

        assertThat(entry.hash()).isEqualTo("h0");
        assertThat(entry.at()).isEqualTo("2026-11-26T17:00:00.000Z");
    }

    private void event(String type, String json) {
        int sequence = events.size();
        events.add(new StoredEvent(sequence, "org.sharedagreements.kernel." + type,
                "2026-11-26T17:00:0" + sequence + "Z", json.getBytes(StandardCharsets.UTF_8), "h" + sequence));
    }
}
