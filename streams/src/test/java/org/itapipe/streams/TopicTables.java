package org.itapipe.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.itapipe.config.Connections;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.Topic;
import org.itapipe.schemas.topics.TopicSerdes;

/** Reads an output topic as a table (latest value per key) with a read_committed consumer and the registry serde. */
final class TopicTables {

    private TopicTables() {
    }

    /** Polls until the table restricted to keys starting with {@code prefix} satisfies {@code done}, or 90 s pass. */
    static <V extends SpecificRecord> Map<String, V> readUntil(Connections connections, Topic<String, V> topic,
                                                               String prefix, Predicate<Map<String, V>> done) {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), false);
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, V> table = new HashMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, serdes.key(topic).deserializer(),
                serdes.value(topic).deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().startsWith(prefix)) {
                        if (record.value() == null) {
                            table.remove(record.key());
                        } else {
                            table.put(record.key(), record.value());
                        }
                    }
                });
                if (done.test(table)) {
                    break;
                }
            }
        }
        return table;
    }
}
