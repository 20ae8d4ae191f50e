package org.itapipe.sink;

import java.time.Duration;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.GroupMembership;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.SchemaSettings;
import org.itapipe.config.TopicSettings;

/**
 * Settings of the sink ({@code sink.*} keys or {@code ITAPIPE_SINK_*} variables). A batch is written when it holds
 * {@code batchRecords} records or is {@code batchMaxAge} old, whichever comes first.
 * It registers the dead letters' schema only with {@code schemas.auto-register}.
 */
public record SinkSettings(String groupId, int batchRecords, Duration batchMaxAge, Duration maxBackoff,
                           HttpEndpoint http, GroupMembership membership, TopicSettings topics,
                           boolean autoRegisterSchemas) {

    public static SinkSettings from(ConfigSource config) {
        HttpEndpoint http = HttpEndpoint.from(config, "sink.http", 8083);
        return new SinkSettings(
                config.get("sink.group-id", "itapipe-sink"),
                Integer.parseInt(config.get("sink.batch.records", "5000")),
                // A record waits at most this long in the sink before its insert starts: at a steady 200
                // submissions/s, 500 ms put the p99 from the ingest API to ClickHouse at 1.1 s (docs/benchmarks.md).
                Duration.ofMillis(Long.parseLong(config.get("sink.batch.max-age-ms", "300"))),
                Duration.ofMillis(Long.parseLong(config.get("sink.retry.max-backoff-ms", "10000"))),
                http,
                GroupMembership.from(config, "sink", http),
                TopicSettings.from(config),
                SchemaSettings.from(config).autoRegister());
    }

    /** Another group on another port, its membership by default for that port. */
    public SinkSettings with(String group, int port) {
        HttpEndpoint moved = http.withPort(port);
        return new SinkSettings(group, batchRecords, batchMaxAge, maxBackoff, moved, GroupMembership.byDefault(moved),
                topics, autoRegisterSchemas);
    }
}
