package org.itapipe.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.itapipe.config.Connections;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;

/** Reads ita.submissions.v1 back through the registry serde, as any downstream consumer would. */
public final class SubmissionsTopic {

    private SubmissionsTopic() {
    }

    /** Every record on the topic with one of the given submission ids, waiting up to 30 s for all of them. */
    public static List<ConsumerRecord<String, ScoreSubmission>> read(Connections connections, List<String> ids) {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), false);
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, ScoreSubmission>> found = new ArrayList<>();
        try (KafkaConsumer<String, ScoreSubmission> consumer = new KafkaConsumer<>(config,
                serdes.key(Topics.SUBMISSIONS).deserializer(), serdes.value(Topics.SUBMISSIONS).deserializer())) {
            consumer.subscribe(List.of(Topics.SUBMISSIONS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < ids.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (ids.contains(record.value().getSubmissionId())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
