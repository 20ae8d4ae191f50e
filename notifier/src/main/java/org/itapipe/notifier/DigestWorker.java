package org.itapipe.notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.DigestMark;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.topics.Topic;
import org.itapipe.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one destination its digest every {@code digest-every}: the alerts open in its scope, those opened and
 * resolved since the last digest, and the five lowest scores. When each digest went out is kept on the compacted
 * ita.notifier-digests.v1, so after a restart the schedule continues where it was (the first digest of a destination
 * goes out one interval after its first start). A digest the destination refuses is retried until it is accepted.
 */
final class DigestWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DigestWorker.class);
    private static final int WORST = 5;

    private final Destination destination;
    private final Destination.Digest schedule;
    private final Channel channel;
    private final KafkaConsumer<String, byte[]> reader;
    private final KafkaProducer<String, byte[]> producer;
    private final Deserializer<OitAlert> alerts;
    private final Deserializer<DigestMark> marksIn;
    private final Serializer<DigestMark> marksOut;
    private final AlertMessage messages;
    private final Function<String, OrganizationType> typeOf;
    private final NotifierSettings settings;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);

    DigestWorker(Destination destination, Channel channel, KafkaConsumer<String, byte[]> reader,
                 KafkaProducer<String, byte[]> producer, Deserializer<OitAlert> alerts,
                 Deserializer<DigestMark> marksIn, Serializer<DigestMark> marksOut, AlertMessage messages,
                 Function<String, OrganizationType> typeOf, NotifierSettings settings, Clock clock) {
        this.destination = destination;
        this.schedule = destination.digest().orElseThrow();
        this.channel = channel;
        this.reader = reader;
        this.producer = producer;
        this.alerts = alerts;
        this.marksIn = marksIn;
        this.marksOut = marksOut;
        this.messages = messages;
        this.typeOf = typeOf;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            Optional<Instant> last = lastDigest();
            Instant due = last.map(sent -> sent.plus(schedule.every())).orElse(clock.instant().plus(schedule.every()));
            while (sleepUntil(due)) {
                Instant now = clock.instant();
                Notification digest = messages.digest(destination, digest(last, now), now);
                if (!sendUntilAccepted(digest)) {
                    return;
                }
                mark(now);
                last = Optional.of(now);
                due = now.plus(schedule.every());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("digests of destination {} stopped: {}", destination.name(), e.toString());
        }
    }

    private AlertMessage.Digest digest(Optional<Instant> since, Instant now) {
        List<OitAlert> current = new ArrayList<>(readAll(Topics.OIT_ALERTS, alerts).values());
        current.removeIf(alert -> !destination.scope().includes(alert, typeOf));
        Instant from = since.orElse(Instant.EPOCH);
        List<OitAlert> open = current.stream().filter(a -> a.getState() == AlertState.OPEN).toList();
        return new AlertMessage.Digest(since, open,
                open.stream().filter(a -> a.getChangedAt().isAfter(from)).toList(),
                current.stream().filter(a -> a.getState() != AlertState.OPEN && a.getChangedAt().isAfter(from))
                        .toList(),
                open.stream().sorted(Comparator.comparing(OitAlert::getScore).thenComparing(OitAlert::getOrgCode))
                        .limit(WORST).toList());
    }

    private Optional<Instant> lastDigest() {
        return Optional.ofNullable(readAll(Topics.NOTIFIER_DIGESTS, marksIn).get(destination.name()))
                .map(DigestMark::getSentAt);
    }

    private void mark(Instant sentAt) throws InterruptedException {
        DigestMark mark = new DigestMark(destination.name(), sentAt);
        try {
            producer.send(new ProducerRecord<>(Topics.NOTIFIER_DIGESTS.name(), destination.name(),
                    marksOut.serialize(Topics.NOTIFIER_DIGESTS.name(), mark))).get();
        } catch (ExecutionException e) {
            LOG.warn("cannot record the digest of {} ({}); the next start may send it again", destination.name(),
                    e.getCause().toString());
        }
    }

    /** The latest value of every key of a compacted topic, read from the beginning to its current end. */
    private <V> Map<String, V> readAll(Topic<String, ?> topic, Deserializer<V> values) {
        List<TopicPartition> partitions = reader.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        Map<String, V> latest = new HashMap<>();
        while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                if (record.value() == null) {
                    latest.remove(record.key());
                    continue;
                }
                try {
                    latest.put(record.key(), values.deserialize(record.topic(), record.value()));
                } catch (SerializationException e) {
                    LOG.debug("digest of {} skips an undecodable record of {}", destination.name(), topic.name());
                }
            }
        }
        return latest;
    }

    private boolean sendUntilAccepted(Notification digest) throws InterruptedException {
        Duration pause = settings.firstBackoff();
        while (true) {
            try {
                channel.send(destination, digest);
                return true;
            } catch (DeliveryFailed failure) {
                LOG.warn("destination {} refused its digest: {}", destination.name(), failure.getMessage());
                if (stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
                pause = settings.nextPause(pause);
            }
        }
    }

    /** @return false once stopped */
    private boolean sleepUntil(Instant due) throws InterruptedException {
        long millis = Duration.between(clock.instant(), due).toMillis();
        return !stopped.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    String destinationName() {
        return destination.name();
    }

    void stop() {
        stopped.countDown();
    }
}
