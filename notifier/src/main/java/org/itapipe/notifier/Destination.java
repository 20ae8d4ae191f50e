package org.itapipe.notifier;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.itapipe.config.Secret;

/**
 * Where alerts go: a webhook or an e-mail address list, each with its scope and, optionally, a digest schedule.
 * Each destination is delivered to on its own (its own consumer group), so a receiver that is down delays only its
 * own alerts (docs/alerts.md).
 */
public sealed interface Destination {

    String name();

    AlertScope scope();

    /** A periodic summary besides (or, with {@code only}, instead of) one message per state change. */
    Optional<Digest> digest();

    /** Whether each state change is sent, not only digests. */
    default boolean sendsChanges() {
        return digest().map(d -> !d.only()).orElse(true);
    }

    /** Every {@code every}; {@code only}: no messages per change. */
    record Digest(Duration every, boolean only) {
    }

    /** {@code notifier.webhook.<name>.url}, {@code .secret} (the HMAC key; only signatures leave this process). */
    record Webhook(String name, URI url, Secret secret, AlertScope scope, Optional<Digest> digest)
            implements Destination {
    }

    /** {@code notifier.email.<name>.to} (comma-separated addresses), sent through {@code notifier.smtp.*}. */
    record Email(String name, List<String> to, AlertScope scope, Optional<Digest> digest) implements Destination {
    }
}
