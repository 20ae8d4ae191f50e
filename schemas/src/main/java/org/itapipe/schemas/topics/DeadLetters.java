package org.itapipe.schemas.topics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.itapipe.schemas.avro.DeadLetter;

/**
 * Builds dead-letter records: the envelope (Avro) keeps the original bytes, and the same reason travels in headers
 * ({@code itapipe.error.*}) so an operator can read it with any console consumer.
 */
public final class DeadLetters {

    public static final String HEADER_REASON = "itapipe.error.reason";
    public static final String HEADER_CLASS = "itapipe.error.class";
    public static final String HEADER_SERVICE = "itapipe.error.service";
    public static final String HEADER_SOURCE_TOPIC = "itapipe.error.topic";

    private DeadLetters() {
    }

    public static DeadLetter envelope(String service, String topic, int partition, long offset, byte[] key,
                                      byte[] value, Throwable error, Instant now) {
        return DeadLetter.newBuilder()
                .setService(service).setTopic(topic).setPartition(partition).setOffset(offset)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setReason(String.valueOf(error.getMessage()))
                .setErrorClass(error.getClass().getName())
                .setFailedAt(now)
                .build();
    }

    /** The envelope as a record of the dead-letter topic, keyed {@code <topic>/<partition>/<offset>}. */
    public static ProducerRecord<String, byte[]> record(DeadLetter envelope, byte[] serializedEnvelope) {
        return record(Topics.DEAD_LETTERS, key(envelope), envelope, serializedEnvelope);
    }

    /** The documented key of a dead letter: {@code <source topic>/<partition>/<offset>} of the record it keeps. */
    public static String key(DeadLetter envelope) {
        return envelope.getTopic() + "/" + envelope.getPartition() + "/" + envelope.getOffset();
    }

    /** The envelope as a record of {@code topic} (the dead letters, or the notifier's parked alerts) under {@code key}. */
    public static ProducerRecord<String, byte[]> record(Topic<String, DeadLetter> topic, String key,
                                                        DeadLetter envelope, byte[] serializedEnvelope) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_REASON, envelope.getReason().getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_CLASS, envelope.getErrorClass().getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_SERVICE, envelope.getService().getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_SOURCE_TOPIC, envelope.getTopic().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic.name(), null, key, serializedEnvelope, headers);
    }
}
