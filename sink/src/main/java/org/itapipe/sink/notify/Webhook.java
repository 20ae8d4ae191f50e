package org.itapipe.sink.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.itapipe.config.ConfigException;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Secret;

/**
 * A receiver of alert notifications: {@code notifier.webhook.<name>.url} and {@code notifier.webhook.<name>.secret}
 * (the HMAC key; the secret itself never leaves this process, only signatures do).
 */
public record Webhook(String name, URI url, Secret secret) {

    private static final String PREFIX = "notifier.webhook.";

    public static List<Webhook> from(ConfigSource config) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        config.withPrefix(PREFIX).forEach((key, value) -> {
            int dot = key.lastIndexOf('.');
            if (dot > 0) {
                byName.computeIfAbsent(key.substring(0, dot), name -> new TreeMap<>()).put(key.substring(dot + 1), value);
            }
        });
        List<Webhook> webhooks = new ArrayList<>();
        byName.forEach((name, settings) -> {
            String url = settings.get("url");
            String secret = settings.get("secret");
            if (url == null || secret == null || secret.isBlank()) {
                throw new ConfigException(PREFIX + name + ".url and " + PREFIX + name + ".secret are both required");
            }
            webhooks.add(new Webhook(name, URI.create(url), new Secret(secret)));
        });
        return webhooks;
    }
}
