package org.itapipe.notifier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Per destination: {@code itapipe.notifier.delivered}, {@code .parked}, {@code .failed.attempts} (counters),
 * {@code .retrying} (1 while an alert is being retried) and {@code .oldest.pending.seconds} (the age of the alert
 * being delivered, from its state change; 0 when none waits).
 */
final class DestinationMetrics {

    private final Counter delivered;
    private final Counter parked;
    private final Counter failedAttempts;
    private final AtomicReference<Instant> pendingSince = new AtomicReference<>();
    private final Clock clock;
    private volatile boolean retrying;

    DestinationMetrics(MeterRegistry registry, String destination, Clock clock) {
        this.clock = clock;
        this.delivered = Counter.builder("itapipe.notifier.delivered").tag("destination", destination)
                .register(registry);
        this.parked = Counter.builder("itapipe.notifier.parked").tag("destination", destination).register(registry);
        this.failedAttempts = Counter.builder("itapipe.notifier.failed.attempts").tag("destination", destination)
                .register(registry);
        Gauge.builder("itapipe.notifier.retrying", this, m -> m.retrying() ? 1 : 0).tag("destination", destination)
                .register(registry);
        Gauge.builder("itapipe.notifier.oldest.pending.seconds", this, DestinationMetrics::oldestPendingSeconds)
                .tag("destination", destination).register(registry);
    }

    void pending(Instant changedAt) {
        pendingSince.set(changedAt);
    }

    void delivered() {
        delivered.increment();
    }

    void failedAttempt() {
        failedAttempts.increment();
        retrying = true;
    }

    void parked() {
        parked.increment();
    }

    void settled() {
        pendingSince.set(null);
        retrying = false;
    }

    boolean retrying() {
        return retrying;
    }

    double oldestPendingSeconds() {
        Instant since = pendingSince.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}
