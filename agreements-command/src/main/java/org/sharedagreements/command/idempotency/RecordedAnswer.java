package org.sharedagreements.command.idempotency;

/**
 * An answer as a key's row keeps it and as a repeat is given it again: the status, and the content type,
 * {@code Location}, {@code ETag} and body bytes it had (each but the status may be absent). Answers of 5xx are
 * never recorded: the request failed on our side, and a retry must be able to run it.
 */
public record RecordedAnswer(int status, String contentType, String location, String eTag, byte[] body) {

    public RecordedAnswer {
        if (status < 200 || status > 499) {
            throw new IllegalArgumentException("only answers of 2xx to 4xx are recorded, not " + status);
        }
        body = body == null ? new byte[0] : body;
    }
}
