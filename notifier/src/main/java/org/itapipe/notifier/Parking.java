package org.itapipe.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.topics.DeadLetters;
import org.itapipe.schemas.topics.Topics;

/**
 * Where alerts go that a destination never took: parked (ita.notifier-parked.v1, keyed by destination and alert, the
 * alert record inside, with the last reason) after the patience, and undecodable alert records to the dead letters.
 * Both writes are acknowledged before the worker commits, so neither loses a record.
 */
final class Parking {

    static final String DESTINATION_HEADER = "itapipe.notifier.destination";
    private static final String SERVICE = "notifier";

    private final KafkaProducer<String, byte[]> producer;
    private final Serializer<DeadLetter> envelopes;
    private final Clock clock;

    Parking(KafkaProducer<String, byte[]> producer, Serializer<DeadLetter> envelopes, Clock clock) {
        this.producer = producer;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    void park(Destination destination, ConsumerRecord<String, byte[]> alert, DeliveryFailed reason)
            throws InterruptedException {
        DeadLetter envelope = envelope(destination, alert, reason);
        write(DeadLetters.record(Topics.NOTIFIER_PARKED, destination.name() + "/" + alert.key(), envelope,
                envelopes.serialize(Topics.NOTIFIER_PARKED.name(), envelope)), destination);
    }

    void deadLetter(Destination destination, ConsumerRecord<String, byte[]> alert, Exception error)
            throws InterruptedException {
        DeadLetter envelope = envelope(destination, alert, error);
        write(DeadLetters.record(Topics.DEAD_LETTERS, alert.topic() + "/" + alert.partition() + "/" + alert.offset()
                + "/" + destination.name(), envelope, envelopes.serialize(Topics.DEAD_LETTERS.name(), envelope)),
                destination);
    }

    private DeadLetter envelope(Destination destination, ConsumerRecord<String, byte[]> alert, Exception error) {
        return DeadLetters.envelope(SERVICE, alert.topic(), alert.partition(), alert.offset(),
                alert.key() == null ? null : alert.key().getBytes(StandardCharsets.UTF_8), alert.value(), error,
                clock.instant());
    }

    private void write(ProducerRecord<String, byte[]> record, Destination destination) throws InterruptedException {
        record.headers().add(DESTINATION_HEADER, destination.name().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + record.topic() + ": " + e.getCause(), e.getCause());
        }
    }
}
