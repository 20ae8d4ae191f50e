package org.itapipe.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.itapipe.config.KafkaSettings;

/**
 * A check whose probe runs in the background every {@link #INTERVAL}, so that /health answers at once and an outage
 * shows there even while the service has nothing to do. The probe returns why the dependency is not usable, or
 * nothing when it is.
 */
public final class PeriodicCheck implements HealthCheck, AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(2);
    /** How long a dependency that listens may take to answer before it counts as DOWN. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Supplier<Optional<String>> probe;
    private final AutoCloseable probeResources;
    private final ScheduledExecutorService scheduler;
    private volatile Optional<String> problem;

    public PeriodicCheck(String name, Supplier<Optional<String>> probe, AutoCloseable probeResources) {
        this.probe = probe;
        this.probeResources = probeResources;
        this.problem = probe.get();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "itapipe-health-" + name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::probeOnce, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Kafka: DOWN about {@link #INTERVAL} after the broker went away, or after {@link #PATIENCE} without answer. */
    public static PeriodicCheck kafka(KafkaSettings kafka) {
        return kafka(new KafkaProbe(kafka));
    }

    /** The same, on a probe the service already has; closing the check closes the probe. */
    public static PeriodicCheck kafka(KafkaProbe probe) {
        return new PeriodicCheck("kafka", () -> probe.problem(PATIENCE), probe);
    }

    private void probeOnce() {
        try {
            problem = probe.get();
        } catch (RuntimeException e) {
            problem = Optional.of(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public Health check() {
        return problem.map(Health::down).orElseGet(Health::ok);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            probeResources.close();
        } catch (Exception e) {
            // Nothing to do: the check is going away with its service.
        }
    }
}
