package org.itapipe.sink;

import java.time.Duration;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.TopicSettings;

/**
 * Settings of the sink ({@code sink.*} keys or {@code ITAPIPE_SINK_*} variables). A batch is written when it holds
 * {@code batchRecords} records or is {@code batchMaxAge} old, whichever comes first.
 */
public record SinkSettings(String groupId, int batchRecords, Duration batchMaxAge, Duration maxBackoff,
                           HttpEndpoint http, TopicSettings topics) {

    public static SinkSettings from(ConfigSource config) {
        return new SinkSettings(
                config.get("sink.group-id", "itapipe-sink"),
                Integer.parseInt(config.get("sink.batch.records", "5000")),
                Duration.ofMillis(Long.parseLong(config.get("sink.batch.max-age-ms", "500"))),
                Duration.ofMillis(Long.parseLong(config.get("sink.retry.max-backoff-ms", "10000"))),
                HttpEndpoint.from(config, "sink.http", 8083),
                TopicSettings.from(config));
    }

    public SinkSettings with(String group, int port) {
        return new SinkSettings(group, batchRecords, batchMaxAge, maxBackoff, http.withPort(port), topics);
    }
}
