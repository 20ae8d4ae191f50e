package org.itapipe.ingest.publish;

/**
 * The submission could not be made durable now: Kafka did not acknowledge in time, or the schema registry that
 * encodes it is unreachable. The caller should retry later (HTTP 503); a retry of what did arrive after all is a
 * duplicate and changes nothing (docs/revisions.md).
 */
public class PublishUnavailableException extends RuntimeException {

    public PublishUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
