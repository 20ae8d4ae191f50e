package org.itapipe.ingest.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** What the ingest service counts, exposed on /metrics in Prometheus format. */
final class IngestMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    void submission(String outcome) {
        Counter.builder("itapipe.ingest.submissions").description("Submissions by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    void request(String route, int status, Duration took) {
        Timer.builder("itapipe.ingest.http.requests").description("HTTP requests by route and status")
                .tag("route", route).tag("status", Integer.toString(status)).register(registry).record(took);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }
}
