package org.sharedagreements.app.integrity;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Re-verifies an exported chain with nothing but the published formula (docs/contract.md, "Hash chain") and the JDK's SHA-256, the way an
 * outside party would: deliberately no project class on this path. Answers null when the export verifies, else
 * what is wrong and where.
 */
final class OfflineVerifier {

    private static final String GENESIS = "0".repeat(64);

    private OfflineVerifier() {
    }

    /** {@code payloadsRequired}: the partners' export must carry every payload; the auditor's carries none. */
    static String problem(JsonNode export, boolean payloadsRequired) {
        String agreementId = export.path("agreementId").asText();
        JsonNode events = export.path("events");
        String previous = GENESIS;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (event.path("sequence").asLong(-1) != i) {
                return "event " + i + ": sequence " + event.path("sequence");
            }
            if (!previous.equals(event.path("prevHash").asText())) {
                return "event " + i + ": prevHash does not link to the previous hash";
            }
            String at = event.path("at").asText();
            if (!at.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z")) {
                return "event " + i + ": at is not ISO-8601 UTC with milliseconds: " + at;
            }
            String digest = event.path("payloadDigest").asText();
            if (payloadsRequired) {
                if (!event.hasNonNull("payload")) {
                    return "event " + i + ": no payload";
                }
                byte[] payload = Base64.getDecoder().decode(event.path("payload").asText());
                if (!sha256Hex(payload).equals(digest)) {
                    return "event " + i + ": payloadDigest is not the SHA-256 of the payload";
                }
            } else if (event.has("payload")) {
                return "event " + i + ": a redacted export carries a payload";
            }
            String input = previous + "|" + agreementId + "|" + i + "|" + event.path("type").asText() + "|" + at
                    + "|" + digest;
            String hash = sha256Hex(input.getBytes(StandardCharsets.UTF_8));
            if (!hash.equals(event.path("hash").asText())) {
                return "event " + i + ": hash does not match the formula";
            }
            previous = hash;
        }
        if (events.isEmpty() || !previous.equals(export.path("headHash").asText())) {
            return "headHash is not the hash of the last event";
        }
        return null;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
