package org.sharedagreements.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.query.integrity.HashChain;
import org.sharedagreements.query.integrity.StoredEvent;
import org.sharedagreements.sealing.SealedIdentity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an agreement's stored events into the redacted timeline. People are numbered in order of first
 * appearance as an event's actor: the drafter (actor of event 0) is {@code partner-1}, each partner who joins
 * next gets the next number, and anyone else who acts gets the next number when first seen. Numbering depends
 * only on earlier events, so a page needs only the events up to its end, and numbers never change as the
 * agreement grows. A person is recognised by the pseudonym in front of the stored payload's sealed {@code actor}
 * ({@link SealedIdentity}): computed under the agreement's data key, it is the same for the same person
 * throughout the agreement, tells nobody who they are, and stays in the stored bytes after erasure, so the numbers
 * replay the same then. Neither the number nor anything else here derives from a user id; nothing else of the
 * payload is looked at. (An actor stored before user ids were sealed is recognised by its text.)
 */
final class Pseudonyms {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PREFIX = "partner-";

    private Pseudonyms() {
    }

    /** The redacted entries of the events with a sequence above {@code after}, numbering actors over all of them. */
    static List<AuditTimelineEntry> redact(List<StoredEvent> eventsFromFirst, long after) {
        Map<String, String> pseudonyms = new HashMap<>();
        List<AuditTimelineEntry> entries = new ArrayList<>();
        for (StoredEvent event : eventsFromFirst) {
            String actor = actor(event.payload());
            String pseudonym = actor == null ? null
                    : pseudonyms.computeIfAbsent(actor, a -> PREFIX + (pseudonyms.size() + 1));
            if (event.sequence() > after) {
                String at = HashChain.at(event.timestamp());
                entries.add(new AuditTimelineEntry(event.sequence(), event.type(),
                        at == null ? event.timestamp() : at, pseudonym, event.storedHash()));
            }
        }
        return entries;
    }

    /** Who acted, as the stored payload's {@code actor} field names them; null for service events and unreadable payloads. */
    static String actor(byte[] payload) {
        try {
            JsonNode actor = JSON.readTree(payload).get("actor");
            if (actor == null || !actor.isTextual()) {
                return null;
            }
            String pseudonym = SealedIdentity.pseudonymOf(actor.asText());
            return pseudonym != null ? pseudonym : actor.asText();
        } catch (IOException | RuntimeException e) {
            // a payload that is not JSON (tampered, say) names nobody; verification reports it
            return null;
        }
    }
}
