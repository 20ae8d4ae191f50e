package org.itapipe.sink;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A consumer loop in its own thread, with {@code /health} (503 while {@code healthy} says no) and {@code /metrics}
 * (Prometheus) served beside it. Closing stops the loop, waits for it, then closes the loop's resources (clients,
 * connections) and the HTTP server, so the loop never sees a closed client.
 */
public final class BackgroundService implements AutoCloseable {

    private final Runnable stop;
    private final Thread thread;
    private final List<AutoCloseable> resources;
    private final Javalin http;

    private BackgroundService(Runnable stop, Thread thread, List<AutoCloseable> resources, Javalin http) {
        this.stop = stop;
        this.thread = thread;
        this.resources = resources;
        this.http = http;
    }

    /**
     * @param loop      the loop; {@code stop} must make it return
     * @param resources what to close once the loop has returned
     */
    public static BackgroundService start(String name, Runnable loop, Runnable stop, List<AutoCloseable> resources,
                                          BooleanSupplier healthy, PrometheusMeterRegistry metrics, String host,
                                          int port) {
        Javalin http = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/health", ctx -> ctx.status(healthy.getAsBoolean() ? 200 : 503)
                        .json(Map.of("status", healthy.getAsBoolean() ? "UP" : "DOWN")))
                .get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()))
                .start(host, port);
        Thread thread = new Thread(loop, name);
        thread.start();
        return new BackgroundService(stop, thread, resources, http);
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        stop.run();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing the rest matters more than this one's failure.
            }
        }
        http.stop();
    }
}
