package org.itapipe.ingest.publish;

/** Kafka did not acknowledge in time: nothing was published, the caller should retry later (HTTP 503). */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
