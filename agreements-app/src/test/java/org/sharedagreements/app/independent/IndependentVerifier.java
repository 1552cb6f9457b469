package org.sharedagreements.app.independent;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An outside verifier of exports, written from docs/contract.md ("Hash chain", "Checkpoints") and docs/sealing.md
 * ("Checkpoint") alone, with the JDK (SHA-256, Ed25519) and Jackson's tree model: it imports no class of the
 * project (an ArchUnit rule, {@code IndependentVerifierRulesTest}, keeps it so). Answers null when an export
 * verifies, else what is wrong.
 */
public final class IndependentVerifier {

    private static final String GENESIS = "0".repeat(64);
    private static final String MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private final PublicKey publicKey;
    private final String keyId;

    private IndependentVerifier(PublicKey publicKey, String keyId) {
        this.publicKey = publicKey;
        this.keyId = keyId;
    }

    /**
     * The verifier for the served key ({@code GET /api/integrity/checkpoint-key}), after checking that its JWK is
     * the same key and its key id is the RFC 7638 thumbprint of that JWK.
     */
    public static IndependentVerifier forServedKey(JsonNode served) throws GeneralSecurityException {
        byte[] spki = Base64.getDecoder().decode(served.path("publicKey").asText());
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        JsonNode jwk = served.path("jwk");
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        if (!"OKP".equals(jwk.path("kty").asText()) || !"Ed25519".equals(jwk.path("crv").asText())
                || !x.equals(jwk.path("x").asText())) {
            throw new GeneralSecurityException("the JWK is not the X.509 key");
        }
        String thumbprint = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}").getBytes(StandardCharsets.UTF_8)));
        if (!thumbprint.equals(served.path("keyId").asText()) || !thumbprint.equals(jwk.path("kid").asText())) {
            throw new GeneralSecurityException("the key id is not the key's RFC 7638 thumbprint");
        }
        return new IndependentVerifier(key, thumbprint);
    }

    /** {@code payloadsRequired}: the partners' export carries every payload; the auditor's carries none. */
    public String problem(JsonNode export, boolean payloadsRequired) {
        return problem(export, payloadsRequired, null);
    }

    /**
     * As {@link #problem(JsonNode, boolean)}, and the export must also still hold {@code kept}, a checkpoint the
     * verifier kept from an earlier export: a chain cut back behind it, with its later checkpoints removed too,
     * is consistent in itself and only the kept checkpoint shows it.
     */
    String problem(JsonNode export, boolean payloadsRequired, JsonNode kept) {
        String agreementId = export.path("agreementId").asText();
        JsonNode events = export.path("events");
        String[] hashes = new String[events.size()];
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
            if (!at.matches(MILLIS)) {
                return "event " + i + ": at is not ISO-8601 UTC with milliseconds";
            }
            String digest = event.path("payloadDigest").asText();
            if (payloadsRequired) {
                if (!event.hasNonNull("payload")) {
                    return "event " + i + ": no payload";
                }
                if (!sha256Hex(Base64.getDecoder().decode(event.path("payload").asText())).equals(digest)) {
                    return "event " + i + ": payloadDigest is not the SHA-256 of the payload";
                }
            } else if (event.has("payload") || event.has("data")) {
                return "event " + i + ": a redacted export carries content";
            }
            String hash = sha256Hex((previous + "|" + agreementId + "|" + i + "|" + event.path("type").asText() + "|"
                    + at + "|" + digest).getBytes(StandardCharsets.UTF_8));
            if (!hash.equals(event.path("hash").asText())) {
                return "event " + i + ": hash does not match the formula";
            }
            hashes[i] = hash;
            previous = hash;
        }
        if (events.isEmpty() || !previous.equals(export.path("headHash").asText())) {
            return "headHash is not the hash of the last event";
        }
        JsonNode checkpoints = export.path("checkpoints");
        long last = -1;
        for (JsonNode checkpoint : checkpoints) {
            String checkpointProblem = checkpointProblem(checkpoint, agreementId, hashes);
            if (checkpointProblem != null) {
                return checkpointProblem;
            }
            last = Math.max(last, checkpoint.path("sequence").asLong());
        }
        if (last != events.size() - 1) {
            return "events after sequence " + last + " are not covered by a signed checkpoint";
        }
        if (kept != null) {
            return checkpointProblem(kept, agreementId, hashes) == null ? null
                    : "the kept checkpoint of sequence " + kept.path("sequence") + " no longer matches the chain";
        }
        return null;
    }

    private String checkpointProblem(JsonNode checkpoint, String agreementId, String[] hashes) {
        long sequence = checkpoint.path("sequence").asLong(-1);
        String headHash = checkpoint.path("headHash").asText();
        String signedAt = checkpoint.path("signedAt").asText();
        if (!agreementId.equals(checkpoint.path("agreementId").asText()) || !signedAt.matches(MILLIS)) {
            return "checkpoint " + sequence + ": not of this agreement, or its time is not ISO-8601 with milliseconds";
        }
        if (!keyId.equals(checkpoint.path("keyId").asText()) || !signatureVerifies(("sa-checkpoint/v1|" + agreementId
                + "|" + sequence + "|" + headHash + "|" + signedAt).getBytes(StandardCharsets.UTF_8),
                checkpoint.path("signature").asText())) {
            return "checkpoint " + sequence + ": the signature does not verify with the published key";
        }
        if (sequence < 0 || sequence >= hashes.length) {
            return "checkpoint " + sequence + ": the chain has no event " + sequence;
        }
        if (!hashes[(int) sequence].equals(headHash)) {
            return "checkpoint " + sequence + ": its head hash is not the chain's hash of event " + sequence;
        }
        return null;
    }

    private boolean signatureVerifies(byte[] signed, String signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(signed);
            return ed25519.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
