package org.itapipe.streams;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.GroupMembership;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.SchemaSettings;
import org.itapipe.config.TopicSettings;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;

/**
 * Settings of the streams service ({@code streams.*} keys or {@code ITAPIPE_STREAMS_*} variables). Processing is
 * always exactly_once_v2: a submission's gaps, rollups, year-over-year changes and alerts are committed together or
 * not at all.
 */
public record StreamsSettings(String applicationId, Path stateDir, int threads, int commitIntervalMs,
                              int standbyReplicas, long cacheMaxBytes, TopicSettings topics, HttpEndpoint http,
                              GroupMembership membership, boolean autoRegisterSchemas) {

    static final int FETCH_MAX_WAIT_MS = 20;

    public static StreamsSettings from(ConfigSource config) {
        HttpEndpoint http = HttpEndpoint.from(config, "streams.http", 8082);
        return new StreamsSettings(
                config.get("streams.application-id", "itapipe-streams"),
                Path.of(config.get("streams.state-dir", System.getProperty("java.io.tmpdir") + "/itapipe-streams")),
                // One stream thread by default: a second ran the topology alone 1.6 times as fast on this project's
                // two cores, but there the whole pipeline shares them, and it cost a quarter more CPU per submission
                // at a steady 200/s (each thread commits on its own) for no faster replay (docs/streams.md).
                Integer.parseInt(config.get("streams.threads", "1")),
                Integer.parseInt(config.get("streams.commit-interval-ms", "100")),
                Integer.parseInt(config.get("streams.standby-replicas", "0")),
                Long.parseLong(config.get("streams.cache-max-bytes", Long.toString(10L * 1024 * 1024))),
                TopicSettings.from(config),
                http,
                GroupMembership.from(config, "streams", http),
                SchemaSettings.from(config).autoRegister());
    }

    /** Another application on another port, its membership by default for that port. */
    public StreamsSettings withApplication(String id, Path dir, int port) {
        HttpEndpoint moved = http.withPort(port);
        return new StreamsSettings(id, dir, threads, commitIntervalMs, standbyReplicas, cacheMaxBytes, topics,
                moved, GroupMembership.byDefault(moved), autoRegisterSchemas);
    }

    public Properties streamsConfig(Connections connections, TopicSerdes serdes) {
        Properties config = new Properties();
        config.putAll(connections.kafka().clientProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheMaxBytes);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicationFactor());
        // Latency: alerts should be visible well under a second. Under exactly-once every internal read is
        // read_committed, and a broker holds such a fetch until fetch.max.wait.ms even when a commit made data
        // visible, so the wait is short. A commit flushes the producer, so its linger decides how often batches
        // leave between commits, not when records become visible: lingering a whole commit interval sends each
        // partition's records of a commit in one batch, unless it fills first (the producer's network thread used
        // 9.7 CPU s of a quick bench at 5 ms, 6.6 s at 20 ms, and a fifth of the service's CPU at 200 submissions/s
        // with 20 ms, one or two records per batch; docs/benchmarks.md).
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), FETCH_MAX_WAIT_MS);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), commitIntervalMs);
        // Static membership: Streams suffixes the id with each thread's index for the main consumers only.
        membership.consumerConfig().forEach((key, value) -> config.put(StreamsConfig.mainConsumerPrefix(key), value));
        config.putAll(deadLetterHandlerConfig(serdes));
        return config;
    }

    /** Routes undecodable input records to the dead-letter topic (the serializer is passed as an object). */
    public static Map<String, Object> deadLetterHandlerConfig(TopicSerdes serdes) {
        return Map.of(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterOnDeserializationError.class,
                DeadLetterOnDeserializationError.SERIALIZER_CONFIG, serdes.value(Topics.DEAD_LETTERS).serializer());
    }
}
