package org.itapipe.notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alerts of one destination, at least once and in order (docs/alerts.md): its own consumer group reads
 * ita.oit-alerts.v1; each alert in the destination's scope is sent, retried with growing pauses while the destination
 * refuses, and either delivered or, after the patience, parked with the reason; only then is its offset committed.
 * A crash or a stop before that leaves it uncommitted, so it is sent again, with the same delivery id. While
 * retrying, the consumer stays in its group (partitions paused, polled), so an outage of hours costs no rebalance.
 */
final class DeliveryWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Destination destination;
    private final Channel channel;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<OitAlert> alerts;
    private final Parking parking;
    private final AlertMessage messages;
    private final Function<String, OrganizationType> typeOf;
    private final NotifierSettings settings;
    private final DestinationMetrics metrics;
    private final Clock clock;
    private volatile boolean running = true;

    DeliveryWorker(Destination destination, Channel channel, KafkaConsumer<String, byte[]> consumer,
                   Deserializer<OitAlert> alerts, Parking parking, AlertMessage messages,
                   Function<String, OrganizationType> typeOf, NotifierSettings settings, DestinationMetrics metrics,
                   Clock clock) {
        this.destination = destination;
        this.channel = channel;
        this.consumer = consumer;
        this.alerts = alerts;
        this.parking = parking;
        this.messages = messages;
        this.typeOf = typeOf;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.OIT_ALERTS.name()));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!handle(record)) {
                        return;
                    }
                    commit(record);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up; what was not committed is delivered after the restart.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false when stopped before the record was handled (it stays uncommitted) */
    private boolean handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        if (record.value() == null) {
            return true;
        }
        OitAlert alert;
        try {
            alert = alerts.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            return settle(() -> parking.deadLetter(destination, record, e));
        }
        if (!destination.sendsChanges() || !destination.scope().includes(alert, typeOf)) {
            return true;
        }
        Notification notification = messages.alert(alert);
        Instant firstAttempt = clock.instant();
        Duration pause = settings.firstBackoff();
        metrics.pending(alert.getChangedAt());
        try {
            while (true) {
                try {
                    channel.send(destination, notification);
                    metrics.delivered();
                    return true;
                } catch (DeliveryFailed failure) {
                    metrics.failedAttempt();
                    if (Duration.between(firstAttempt, clock.instant()).compareTo(settings.patience()) >= 0) {
                        LOG.warn("destination {} did not accept {} within {}: parking it ({})", destination.name(),
                                notification.deliveryId(), settings.patience(), failure.getMessage());
                        boolean parked = settle(() -> parking.park(destination, record, failure));
                        if (parked) {
                            metrics.parked();
                        }
                        return parked;
                    }
                    LOG.debug("destination {} refused {}: {}; next try in {}", destination.name(),
                            notification.deliveryId(), failure.getMessage(), pause);
                    if (!waitInGroup(pause)) {
                        return false;
                    }
                    pause = settings.nextPause(pause);
                }
            }
        } finally {
            metrics.settled();
        }
    }

    @FunctionalInterface
    private interface Write {
        void run() throws InterruptedException;
    }

    /** Writes to Kafka until acknowledged (it may be down too); false once stopping. */
    private boolean settle(Write write) throws InterruptedException {
        while (true) {
            try {
                write.run();
                return true;
            } catch (IllegalStateException e) {
                LOG.warn("destination {}: {}; trying again", destination.name(), e.getMessage());
                if (!waitInGroup(settings.maxBackoff())) {
                    return false;
                }
            }
        }
    }

    /** Waits with every partition paused, polling so the group keeps this member; false once stopping. */
    private boolean waitInGroup(Duration pause) {
        consumer.pause(consumer.assignment());
        try {
            Instant until = clock.instant().plus(pause);
            while (running && clock.instant().isBefore(until)) {
                consumer.poll(Duration.ofMillis(Math.min(500, Math.max(1,
                        Duration.between(clock.instant(), until).toMillis()))));
            }
        } catch (WakeupException stopping) {
            return false;
        } finally {
            consumer.resume(consumer.paused());
        }
        return running;
    }

    private void commit(ConsumerRecord<String, byte[]> record) {
        try {
            consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1)));
        } catch (CommitFailedException e) {
            // The group moved on (e.g. a rebalance): the record is handled again, with the same delivery id.
            LOG.info("destination {}: offset {} of {}-{} not committed ({}); it will be delivered again",
                    destination.name(), record.offset(), record.topic(), record.partition(), e.getMessage());
        }
    }

    String destinationName() {
        return destination.name();
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }
}
