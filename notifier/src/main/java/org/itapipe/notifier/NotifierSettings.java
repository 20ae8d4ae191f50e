package org.itapipe.notifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.GroupMembership;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.SchemaSettings;
import org.itapipe.config.TopicSettings;

/**
 * Settings of the notifier ({@code notifier.*}): the destinations (Destinations), how patiently each is retried
 * ({@code notifier.first-backoff-ms} 500, {@code notifier.max-backoff-ms} 30000, {@code notifier.patience} PT24H,
 * after which an alert is parked), the consumer groups' prefix ({@code notifier.group-id}; each destination reads as
 * {@code <group-id>.<destination>}) and the instance's member id in each ({@code notifier.instance-id},
 * GroupMembership), SMTP ({@code notifier.smtp.*}), the web service for report links
 * ({@code notifier.web-url}), where /health and /metrics answer, and whether it registers the schemas of
 * its parked alerts and digests ({@code schemas.auto-register}).
 */
public record NotifierSettings(String groupId, List<Destination> destinations, Duration firstBackoff,
                               Duration maxBackoff, Duration patience, HttpEndpoint http,
                               GroupMembership membership, TopicSettings topics, SmtpSettings smtp,
                               Optional<String> webUrl,
                               boolean autoRegisterSchemas) {

    public static NotifierSettings from(ConfigSource config) {
        HttpEndpoint http = HttpEndpoint.from(config, "notifier.http", 8085);
        return new NotifierSettings(
                config.get("notifier.group-id", "itapipe-notifier"),
                Destinations.from(config),
                Duration.ofMillis(Long.parseLong(config.get("notifier.first-backoff-ms", "500"))),
                Duration.ofMillis(Long.parseLong(config.get("notifier.max-backoff-ms", "30000"))),
                Duration.parse(config.get("notifier.patience", "PT24H")),
                http,
                GroupMembership.from(config, "notifier", http),
                TopicSettings.from(config),
                SmtpSettings.from(config),
                config.get("notifier.web-url").filter(url -> !url.isBlank()),
                SchemaSettings.from(config).autoRegister());
    }

    /** Another group prefix on another port, its membership by default for that port. */
    public NotifierSettings with(String group, int port) {
        HttpEndpoint moved = http.withPort(port);
        return new NotifierSettings(group, destinations, firstBackoff, maxBackoff, patience, moved,
                GroupMembership.byDefault(moved), topics, smtp, webUrl, autoRegisterSchemas);
    }

    /** The pause after {@code pause}: doubled, at most max-backoff. */
    public Duration nextPause(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    /** The consumer group one destination delivers with. */
    public String groupOf(Destination destination) {
        return groupId + "." + destination.name();
    }
}
