package org.itapipe.sink.notify;

import java.time.Duration;
import java.util.List;
import org.itapipe.config.ConfigSource;

/** Settings of the notifier ({@code notifier.*}): where to deliver and how patiently. */
public record NotifierSettings(String groupId, List<Webhook> webhooks, int maxAttempts, Duration firstBackoff,
                               Duration maxBackoff, String httpHost, int httpPort, short replicationFactor) {

    public static NotifierSettings from(ConfigSource config) {
        return new NotifierSettings(
                config.get("notifier.group-id", "itapipe-notifier"),
                Webhook.from(config),
                Integer.parseInt(config.get("notifier.max-attempts", "8")),
                Duration.ofMillis(Long.parseLong(config.get("notifier.first-backoff-ms", "500"))),
                Duration.ofMillis(Long.parseLong(config.get("notifier.max-backoff-ms", "30000"))),
                config.get("notifier.http.host", "127.0.0.1"),
                Integer.parseInt(config.get("notifier.http.port", "8085")),
                Short.parseShort(config.get("topics.replication-factor", "1")));
    }

    public NotifierSettings with(String group, int port) {
        return new NotifierSettings(group, webhooks, maxAttempts, firstBackoff, maxBackoff, httpHost, port,
                replicationFactor);
    }
}
