package org.itapipe.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.itapipe.config.ConfigException;
import org.itapipe.config.Connections;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.SuggestedActions;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.KafkaClients;

/**
 * {@code itapipe notifier replay <destination>}: sends a destination's parked alerts again, oldest first, with their
 * original delivery ids, each committed (group {@code <group-id>.<destination>.replay}) once the destination took
 * it, so a replay that stops half way continues where it stopped. It gives up, leaving the rest parked, when the
 * destination still refuses after the backoff's attempts.
 */
public final class ParkedReplay {

    private static final int ATTEMPTS = 5;

    /** What a replay did. */
    public record Result(int replayed, int remaining) {
    }

    private ParkedReplay() {
    }

    public static Result replay(Connections connections, NotifierSettings settings, MethodologyCatalog methodologies,
                                String destinationName) throws InterruptedException {
        Destination destination = settings.destinations().stream().filter(d -> d.name().equals(destinationName))
                .findFirst().orElseThrow(() -> new ConfigException("no destination named " + destinationName
                        + " is configured; configured: " + settings.destinations().stream().map(Destination::name)
                        .toList()));
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), false);
        Deserializer<DeadLetter> envelopes = serdes.value(Topics.NOTIFIER_PARKED).deserializer();
        Deserializer<OitAlert> alerts = serdes.value(Topics.OIT_ALERTS).deserializer();
        AlertMessage messages = new AlertMessage(methodologies, Geography.thailand(), SuggestedActions.builtIn(),
                settings.webUrl());
        Channel channel = NotifierApplication.channel(destination, settings);
        int replayed = 0;
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(connections,
                settings.groupOf(destination) + ".replay", 100)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFIER_PARKED.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (destinationName.equals(header(record, Parking.DESTINATION_HEADER).orElse(null))) {
                        DeadLetter envelope = envelopes.deserialize(record.topic(), record.value());
                        OitAlert alert = alerts.deserialize(Topics.OIT_ALERTS.name(), bytes(envelope));
                        if (!sendWithAttempts(channel, destination, messages.alert(alert), settings)) {
                            return new Result(replayed, remaining(consumer, partitions, end));
                        }
                        replayed++;
                    }
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
            return new Result(replayed, 0);
        }
    }

    private static boolean sendWithAttempts(Channel channel, Destination destination, Notification notification,
                                            NotifierSettings settings) throws InterruptedException {
        Duration pause = settings.firstBackoff();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                channel.send(destination, notification);
                return true;
            } catch (DeliveryFailed failure) {
                if (attempt < ATTEMPTS) {
                    Thread.sleep(pause.toMillis());
                    pause = settings.nextPause(pause);
                }
            }
        }
        return false;
    }

    private static int remaining(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                 Map<TopicPartition, Long> end) {
        return (int) partitions.stream().mapToLong(p -> end.get(p) - consumer.position(p)).sum() + 1;
    }

    private static byte[] bytes(DeadLetter envelope) {
        byte[] value = new byte[envelope.getValue().remaining()];
        envelope.getValue().duplicate().get(value);
        return value;
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
