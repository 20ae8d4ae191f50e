package org.itapipe.service;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itapipe.config.ConfigException;
import org.itapipe.config.HttpEndpoint;

/**
 * The operations side every service has, on the same paths everywhere: {@code /health} answers 200 when every
 * named check is UP and 503 otherwise, with each check's status and reason as JSON; {@code /metrics} is the
 * service's Prometheus registry. A service with an HTTP API of its own (ingest, web) adds these routes to its app;
 * the others run an operations server alone.
 */
public final class OperationsServer implements AutoCloseable {

    private final Javalin app;

    private OperationsServer(Javalin app) {
        this.app = app;
    }

    public static OperationsServer start(HttpEndpoint endpoint, Map<String, HealthCheck> checks,
                                         PrometheusMeterRegistry metrics) {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        addRoutes(app, checks, metrics);
        return new OperationsServer(bind(app, endpoint));
    }

    public static void addRoutes(Javalin app, Map<String, HealthCheck> checks, PrometheusMeterRegistry metrics) {
        app.get("/health", ctx -> {
            Map<String, Object> report = new LinkedHashMap<>();
            boolean allUp = true;
            for (Map.Entry<String, HealthCheck> check : checks.entrySet()) {
                HealthCheck.Health health = check.getValue().check();
                allUp &= health.up();
                Map<String, String> status = new LinkedHashMap<>();
                status.put("status", health.up() ? "UP" : "DOWN");
                if (!health.up()) {
                    status.put("detail", health.detail());
                }
                report.put(check.getKey(), status);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", allUp ? "UP" : "DOWN");
            answer.put("checks", report);
            ctx.status(allUp ? 200 : 503).json(answer);
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
    }

    /** Starts {@code app} on the endpoint; a port in use is a configuration error naming the setting to change. */
    public static Javalin bind(Javalin app, HttpEndpoint endpoint) {
        try {
            return app.start(endpoint.host(), endpoint.port());
        } catch (JavalinBindException e) {
            app.stop();
            throw new ConfigException(endpoint.portSetting() + ": " + endpoint.host() + ":" + endpoint.port()
                    + " is already in use; set " + endpoint.portSetting() + " to a free port (0 picks one)");
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
