package org.sharedagreements.query.integrity;

/**
 * One event exactly as stored: its position, payload type, timestamp text, payload bytes and the hash stored
 * with it.
 */
public record StoredEvent(long sequence, String payloadType, String timestamp, byte[] payload, String storedHash) {

    /** The simple class name of the payload type, the {@code type} of the hash formula and of the timeline. */
    public String type() {
        int cut = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(cut + 1);
    }
}
