package org.sharedagreements.query.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** The published formula of docs/contract.md, "Hash chain". */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private HashChain() {
    }

    public static String payloadDigest(byte[] payload) {
        return sha256Hex(payload);
    }

    public static String hash(String previous, String agreementId, long sequence, String type, String at,
                              String payloadDigest) {
        String input = previous + "|" + agreementId + "|" + sequence + "|" + type + "|" + at + "|" + payloadDigest;
        return sha256Hex(input.getBytes(StandardCharsets.UTF_8));
    }

    /** A stored timestamp as the formula writes it: ISO-8601 UTC with milliseconds; null if it does not parse. */
    public static String at(String storedTimestamp) {
        try {
            return MILLIS.format(Instant.parse(storedTimestamp).truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An instant as the formula (and a checkpoint's {@code signedAt}) writes it: ISO-8601 UTC with milliseconds. */
    public static String at(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
