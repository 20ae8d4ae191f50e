package org.itapipe.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.KafkaSettings;

/**
 * A service whose work is a loop in its own thread (the sink, the notifier), with its operations server beside
 * it. Its /health holds the Kafka check and the service's own checks. Closing stops the loop and waits for it at
 * most {@link #STOP_GRACE} (a loop blocked on a Kafka that has gone away must not hold up a SIGTERM), then closes
 * the loop's resources (clients, connections), the Kafka check and the operations server.
 */
public final class BackgroundService implements AutoCloseable {

    /** How long a stopping loop may take to finish its current step. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Runnable stop;
    private final Thread thread;
    private final List<AutoCloseable> resources;
    private final OperationsServer operations;

    private BackgroundService(Runnable stop, Thread thread, List<AutoCloseable> resources,
                              OperationsServer operations) {
        this.stop = stop;
        this.thread = thread;
        this.resources = resources;
        this.operations = operations;
    }

    /** What the service runs: the loop, how to make it return, what to close afterwards, and its own checks. */
    public record Loop(String name, Runnable body, Runnable stop, List<AutoCloseable> resources,
                       Map<String, HealthCheck> checks) {
    }

    public static BackgroundService start(Loop loop, KafkaSettings kafka, HttpEndpoint endpoint,
                                          PrometheusMeterRegistry metrics) {
        PeriodicCheck kafkaHealth = PeriodicCheck.kafka(kafka);
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("kafka", kafkaHealth);
        checks.putAll(loop.checks());
        List<AutoCloseable> resources = new ArrayList<>(loop.resources());
        resources.add(kafkaHealth);
        OperationsServer operations;
        try {
            operations = OperationsServer.start(endpoint, checks, metrics);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
        Thread thread = new Thread(loop.body(), loop.name());
        thread.start();
        return new BackgroundService(loop.stop(), thread, resources, operations);
    }

    public int httpPort() {
        return operations.port();
    }

    @Override
    public void close() {
        stop.run();
        try {
            thread.join(STOP_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll(resources);
        operations.close();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing the rest matters more than this one's failure.
            }
        }
    }
}
