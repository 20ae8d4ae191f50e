package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.StandaloneKafka;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.notifier.NotifierApplication;
import org.itapipe.notifier.NotifierSettings;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.service.BackgroundService;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka goes away under every running service: each one's /health turns 503 naming Kafka, and each stops promptly
 * (what a SIGTERM does) instead of waiting out Kafka's client timeouts.
 */
@ExtendWith(EmbeddedStackExtension.class)
class KafkaOutageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The loop's grace plus the clients' close timeouts, with room for a loaded machine. */
    private static final Duration PROMPT_STOP = BackgroundService.STOP_GRACE.plusSeconds(10);

    @TempDir
    Path stateDir;

    @Test
    void everyServiceReportsKafkaDownWithinSecondsAndStillStopsPromptly(StackEndpoints stack) throws Exception {
        try (StandaloneKafka kafka = StandaloneKafka.start(stateDir.resolve("kafka"))) {
            Connections connections = new Connections(kafka.settings(), stack.connections().registry(),
                    stack.connections().clickhouse());
            Map<String, AutoCloseable> services = new LinkedHashMap<>();
            Map<String, Integer> ports = new LinkedHashMap<>();
            try {
                IngestApplication ingest = IngestApplication.start(connections,
                        IngestSettings.from(ConfigSource.of(Map.of("ingest.port", "0"), Map.of())),
                        IngestApplication.ReferenceData.standard(), ApiKeyStore.empty(), true,
                        TopicSettings.SINGLE_BROKER);
                services.put("ingest", ingest);
                ports.put("ingest", ingest.port());
                StreamsApplication streams = StreamsApplication.start(connections, StreamsSettings.from(
                        ConfigSource.of(Map.of("schemas.auto-register", "true"), Map.of())).withApplication(
                        "itapipe-outage-" + UUID.randomUUID(), stateDir.resolve("streams"), 0),
                        MethodologyCatalog.builtIn());
                services.put("streams", streams);
                ports.put("streams", streams.httpPort());
                SinkApplication sink = SinkApplication.start(connections, SinkSettings.from(ConfigSource.of(
                        Map.of("schemas.auto-register", "true"), Map.of())).with("itapipe-sink-outage-" + UUID.randomUUID(), 0), MethodologyCatalog.builtIn(),
                        SinkLoader.AfterInsert.NOTHING);
                services.put("sink", sink);
                ports.put("sink", sink.httpPort());
                NotifierApplication notifier = NotifierApplication.start(connections, NotifierSettings.from(
                        ConfigSource.of(Map.of("schemas.auto-register", "true", "notifier.webhook.office.url", "http://127.0.0.1:9/hook",
                                "notifier.webhook.office.secret", "outage-test"), Map.of()))
                        .with("itapipe-notifier-outage-" + UUID.randomUUID(), 0), MethodologyCatalog.builtIn(),
                        OrganizationRegistry.dla());
                services.put("notifier", notifier);
                ports.put("notifier", notifier.httpPort());

                for (Map.Entry<String, Integer> service : ports.entrySet()) {
                    assertThat(awaitHealth(service.getValue(), 200).statusCode()).as(service.getKey()).isEqualTo(200);
                }

                kafka.stop();
                for (Map.Entry<String, Integer> service : ports.entrySet()) {
                    HttpResponse<String> health = awaitHealth(service.getValue(), 503);
                    assertThat(health.statusCode()).as(service.getKey() + " /health").isEqualTo(503);
                    assertThat(health.body()).as(service.getKey() + " /health")
                            .contains("\"kafka\":{\"status\":\"DOWN\",\"detail\":\"nothing listens at "
                                    + kafka.settings().bootstrapServers() + "\"}");
                }
            } finally {
                for (Map.Entry<String, AutoCloseable> service : services.entrySet()) {
                    long started = System.nanoTime();
                    service.getValue().close();
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).as(service.getKey() + " stopping")
                            .isLessThan(PROMPT_STOP);
                }
            }
        }
    }

    /** /health until it answers {@code status}, for at most half a minute (a probe runs every two seconds). */
    private static HttpResponse<String> awaitHealth(int port, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> health;
        do {
            health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != status) {
                Thread.sleep(200);
            }
        } while (health.statusCode() != status && System.nanoTime() < deadline);
        return health;
    }
}
