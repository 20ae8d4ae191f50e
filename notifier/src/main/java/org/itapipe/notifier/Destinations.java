package org.itapipe.notifier;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.itapipe.config.ConfigException;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Secret;

/**
 * The destinations a configuration names: {@code notifier.webhook.<name>.*} and {@code notifier.email.<name>.*}, each
 * with {@code .scope} (default national), {@code .types}, {@code .severity} (any or fell), {@code .digest-every}
 * (an ISO-8601 duration such as PT24H) and {@code .digest-only} (true: digests instead of one message per change).
 */
public final class Destinations {

    public static final String WEBHOOK_PREFIX = "notifier.webhook.";
    public static final String EMAIL_PREFIX = "notifier.email.";

    private Destinations() {
    }

    public static List<Destination> from(ConfigSource config) {
        List<Destination> destinations = new ArrayList<>();
        byName(config, WEBHOOK_PREFIX).forEach((name, settings) -> {
            String url = settings.get("url");
            String secret = settings.get("secret");
            if (url == null || secret == null || secret.isBlank()) {
                throw new ConfigException(WEBHOOK_PREFIX + name + ".url and " + WEBHOOK_PREFIX + name
                        + ".secret are both required");
            }
            destinations.add(new Destination.Webhook(name, URI.create(url), new Secret(secret),
                    scope(WEBHOOK_PREFIX + name, settings), digest(WEBHOOK_PREFIX + name, settings)));
        });
        byName(config, EMAIL_PREFIX).forEach((name, settings) -> {
            String to = settings.get("to");
            if (to == null || to.isBlank()) {
                throw new ConfigException(EMAIL_PREFIX + name + ".to (one or more addresses, comma-separated) "
                        + "is required");
            }
            destinations.add(new Destination.Email(name, Arrays.stream(to.split(",")).map(String::strip)
                    .filter(address -> !address.isEmpty()).toList(), scope(EMAIL_PREFIX + name, settings),
                    digest(EMAIL_PREFIX + name, settings)));
        });
        return destinations;
    }

    private static Map<String, Map<String, String>> byName(ConfigSource config, String prefix) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        config.withPrefix(prefix).forEach((key, value) -> {
            int dot = key.lastIndexOf('.');
            if (dot > 0) {
                byName.computeIfAbsent(key.substring(0, dot), name -> new TreeMap<>()).put(key.substring(dot + 1), value);
            }
        });
        return byName;
    }

    private static AlertScope scope(String setting, Map<String, String> settings) {
        return AlertScope.parse(settings.get("scope"), settings.get("types"), settings.get("severity"), setting);
    }

    private static Optional<Destination.Digest> digest(String setting, Map<String, String> settings) {
        String every = settings.get("digest-every");
        boolean only = Boolean.parseBoolean(settings.getOrDefault("digest-only", "false"));
        if (every == null || every.isBlank()) {
            if (only) {
                throw new ConfigException(setting + ".digest-only needs " + setting + ".digest-every");
            }
            return Optional.empty();
        }
        try {
            Duration interval = Duration.parse(every.strip());
            if (interval.isNegative() || interval.isZero()) {
                throw new ConfigException(setting + ".digest-every must be positive");
            }
            return Optional.of(new Destination.Digest(interval, only));
        } catch (DateTimeParseException e) {
            throw new ConfigException(setting + ".digest-every '" + every + "' is not an ISO-8601 duration such as "
                    + "PT24H");
        }
    }
}
