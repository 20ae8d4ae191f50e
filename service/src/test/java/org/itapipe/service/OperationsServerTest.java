package org.itapipe.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itapipe.config.ConfigException;
import org.itapipe.config.HttpEndpoint;
import org.junit.jupiter.api.Test;

class OperationsServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void healthIs503WithTheReasonOfEachDownCheckAndMetricsAreTheRegistry() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("itapipe.test.things").register(metrics).increment(3);
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("kafka", HealthCheck.Health::ok);
        checks.put("clickhouse", () -> HealthCheck.Health.down("ClickHouse at x does not answer"));
        try (OperationsServer server = OperationsServer.start(new HttpEndpoint("127.0.0.1", 0, "test.port"), checks,
                metrics)) {
            HttpResponse<String> health = get(server.port(), "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"kafka\":{\"status\":\"UP\"},"
                    + "\"clickhouse\":{\"status\":\"DOWN\",\"detail\":\"ClickHouse at x does not answer\"}}}");
            assertThat(get(server.port(), "/metrics").body()).contains("itapipe_test_things_total 3.0");
        }
    }

    @Test
    void healthIs200WhenEveryCheckIsUp() throws Exception {
        try (OperationsServer server = OperationsServer.start(new HttpEndpoint("127.0.0.1", 0, "test.port"),
                Map.of("kafka", HealthCheck.Health::ok), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
            HttpResponse<String> health = get(server.port(), "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"");
        }
    }

    @Test
    void aPortInUseIsAConfigurationErrorNamingTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            HttpEndpoint endpoint = new HttpEndpoint("127.0.0.1", taken.getLocalPort(), "sink.http.port");
            assertThatThrownBy(() -> OperationsServer.start(endpoint, Map.of(),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("sink.http.port: 127.0.0.1:" + taken.getLocalPort() + " is already in use; set "
                            + "sink.http.port to a free port (0 picks one)");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
