package org.itapipe.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the latency from a submission being produced to its OPEN alert being visible to a read_committed consumer,
 * on the embedded broker, over 1,000 submissions sent at a steady 100 per second. Not part of the default run:
 * {@code mvn -pl streams test -Dsurefire.excludedGroups=none -Dgroups=benchmark -Dtest=AlertLatencyBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(EmbeddedStackExtension.class)
class AlertLatencyBenchmark {

    private static final int SUBMISSIONS = 1_000;
    private static final int PER_SECOND = 100;

    @TempDir
    Path stateDir;

    @Test
    void printsMedianAndP99FromSubmissionToVisibleAlert(Connections connections) throws Exception {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), true);
        TopicSetup.createMissing(connections.kafka(), TopicSettings.SINGLE_BROKER);
        String run = Long.toString(System.currentTimeMillis() % 100_000);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        StreamsSettings settings = StreamsSettings.from(ConfigSource.of(Map.of("schemas.auto-register", "true"),
                Map.of())).withApplication("itapipe-latency-" + UUID.randomUUID(), stateDir, 0);
        try (StreamsApplication streams = StreamsApplication.start(connections, settings, MethodologyCatalog.builtIn());
             KafkaConsumer<String, OitAlert> consumer = alertConsumer(connections, serdes);
             KafkaProducer<String, ScoreSubmission> producer = producer(connections, serdes)) {
            Thread reader = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(50)).forEach(record ->
                            seenAt.putIfAbsent(record.value().getOrgCode(), System.nanoTime()));
                }
            });
            reader.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(100);
            }
            // Warm-up: the same steady load for 3 s, not measured (JIT, first transactions).
            send(producer, "W" + run, 3 * PER_SECOND, new ConcurrentHashMap<>());
            Thread.sleep(2_000);
            send(producer, "L" + run, SUBMISSIONS, sentAt);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!seenAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            reader.interrupt();
            reader.join();
        }
        report(sentAt, seenAt);
    }

    private static void send(KafkaProducer<String, ScoreSubmission> producer, String prefix, int count,
                             Map<String, Long> sentAt) {
        long interval = 1_000_000_000L / PER_SECOND;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String org = prefix + "-" + i;
            ScoreSubmission submission = TopologyHarness.submission(org, "9901", "99", 2568, 1,
                    TopologyHarness.all("90.00"), "o5", "50.00");
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            sentAt.put(org, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), org, submission));
            next += interval;
        }
    }

    private static void report(Map<String, Long> sentAt, Map<String, Long> seenAt) {
        List<Long> latencies = new ArrayList<>();
        sentAt.forEach((org, sent) -> {
            Long seen = seenAt.get(org);
            if (seen != null) {
                latencies.add((seen - sent) / 1_000_000);
            }
        });
        latencies.sort(Long::compare);
        System.out.printf("alert latency over %d of %d submissions at %d/s: median %d ms, p90 %d ms, p99 %d ms, "
                        + "max %d ms%n", latencies.size(), SUBMISSIONS, PER_SECOND, percentile(latencies, 0.5),
                percentile(latencies, 0.9), percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
    }

    private static long percentile(List<Long> sorted, double fraction) {
        return sorted.get((int) Math.ceil(sorted.size() * fraction) - 1);
    }

    private static KafkaConsumer<String, OitAlert> alertConsumer(Connections connections, TopicSerdes serdes) {
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        KafkaConsumer<String, OitAlert> consumer = new KafkaConsumer<>(config,
                serdes.key(Topics.OIT_ALERTS).deserializer(), serdes.value(Topics.OIT_ALERTS).deserializer());
        consumer.subscribe(List.of(Topics.OIT_ALERTS.name()));
        return consumer;
    }

    private static KafkaProducer<String, ScoreSubmission> producer(Connections connections, TopicSerdes serdes) {
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, serdes.key(Topics.SUBMISSIONS).serializer(),
                serdes.value(Topics.SUBMISSIONS).serializer());
    }
}
