package org.itapipe.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;

/** Finds the dead letter of a record by its original key. */
public final class DeadLetterReader {

    private DeadLetterReader() {
    }

    public static DeadLetter await(StackEndpoints stack, String originalKey) {
        return await(stack, originalKey, letter -> true);
    }

    /** The first dead letter of a record keyed {@code originalKey} that satisfies {@code wanted}. */
    public static DeadLetter await(StackEndpoints stack, String originalKey, java.util.function.Predicate<DeadLetter> wanted) {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), true);
        Map<String, Object> config = new HashMap<>(stack.connections().kafka().clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config,
                serdes.key(Topics.DEAD_LETTERS).deserializer(), serdes.value(Topics.DEAD_LETTERS).deserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(200))) {
                    DeadLetter letter = record.value();
                    if (letter.getKey() != null && originalKey.equals(
                            StandardCharsets.UTF_8.decode(letter.getKey().duplicate()).toString())
                            && wanted.test(letter)) {
                        return letter;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter for key " + originalKey + " within 60 s");
    }
}
