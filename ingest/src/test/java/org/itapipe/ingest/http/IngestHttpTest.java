package org.itapipe.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.itapipe.config.ConfigException;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.KafkaSettings;
import org.itapipe.config.TlsSettings;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.SelfSignedCertificate;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.Fixtures;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.SubmissionsTopic;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.Scope;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.service.HealthCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ingest API over HTTP against the embedded stack: every answer a client can get. */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEED_JSON = """
            {"orgCode":"6190803","fiscalYear":2568,"revision":1,
             "indicators":{"1":100,"2":100,"3":100,"4":100,"5":100,"6":99.33,"7":99.33,"8":99.33,"9":82.50,"10":90.00},
             "items":{"o5":50,"o25":"๑๐.๐๐"},"reportedTotal":"94.30","reportedLevel":"ผ่านดี"}""";

    private final ApiKeyStore keys = ApiKeyStore.empty();
    private final String nationalKey = keys.create("NACC", new Scope.National()).plainText();
    private final String saraburiKey = keys.create("Saraburi office", new Scope.Province("19")).plainText();
    private final String lopBuriKey = keys.create("Lop Buri office", new Scope.Province("16")).plainText();
    private final ApiKeyStore.CreatedKey expired = keys.create("Former office", new Scope.National(),
            Optional.of(Instant.parse("2026-01-01T00:00:00Z")));
    private Connections connections;
    private IngestApplication ingest;

    @BeforeAll
    void start(Connections connections) {
        this.connections = connections;
        ingest = IngestApplication.start(connections, settings(0, 64 * 1024, 100, 100, Duration.ofSeconds(5)),
                IngestApplication.ReferenceData.standard(), keys, true, TopicSettings.SINGLE_BROKER);
    }

    @AfterAll
    void stop() {
        ingest.close();
    }

    private static IngestSettings settings(int port, long maxBytes, double rate, int burst, Duration timeout) {
        return new IngestSettings(new HttpEndpoint("127.0.0.1", port, "ingest.port"), maxBytes, rate, burst, timeout, Path.of("unused-keys.json"), IngestSettings.KeysSource.FILE, Optional.empty());
    }

    private HttpResponse<String> post(int port, String path, String key, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String key, String body) throws Exception {
        return post(ingest.port(), "/api/v1/submissions", key, "application/json", body);
    }

    @Test
    void aValidSubmissionIs202OnlyOnceKafkaHasItAndReadsBackExactly() throws Exception {
        HttpResponse<String> response = submit(saraburiKey, SEED_JSON);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("total").asText()).isEqualTo("94.30");
        assertThat(answer.get("level").asText()).isEqualTo("ผ่านดี");
        List<ConsumerRecord<String, ScoreSubmission>> records =
                SubmissionsTopic.read(connections, List.of(answer.get("submissionId").asText()));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("6190803");
            assertThat(record.value().getIndicators().get(8).getScore()).hasToString("82.50");
            assertThat(record.value().getItems()).extracting(item -> item.getScore().toPlainString())
                    .containsExactly("50.00", "10.00");
        });
    }

    @Test
    void brokenRulesAre400WithEveryFieldPath() throws Exception {
        HttpResponse<String> response = submit(nationalKey, """
                {"orgCode":"6190803","fiscalYear":2568,"indicators":{"1":100,"2":101,"3":"abc"},"items":{"x1":5}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsText("field"))
                .contains("indicators[2]", "indicators[3]", "indicators[4]", "indicators[10]", "items[x1]");
    }

    @Test
    void unknownFieldsAre400NamingTheField() throws Exception {
        HttpResponse<String> response = submit(nationalKey, "{\"orgCode\":\"6190803\",\"score\":1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsText("field")).containsExactly("score");
    }

    @Test
    void aMissingOrWrongKeyIs401() throws Exception {
        assertThat(submit(null, SEED_JSON).statusCode()).isEqualTo(401);
        assertThat(submit(nationalKey.substring(0, nationalKey.length() - 2) + "xx", SEED_JSON).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anExpiredKeyIs401SayingSoToItsHolder() throws Exception {
        HttpResponse<String> response = submit(expired.plainText(), SEED_JSON);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("the key expired at 2026-01-01T00:00:00Z");
    }

    @Test
    void everyUseOfAKeyIsAuditedByItsIdAndNeverWithItsSecret() throws Exception {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
        audit.start();
        logger.addAppender(audit);
        try {
            submit(lopBuriKey, SEED_JSON);
            submit(lopBuriKey.substring(0, lopBuriKey.length() - 2) + "xx", SEED_JSON);
        } finally {
            logger.detachAppender(audit);
        }

        String id = lopBuriKey.split("_")[1];
        List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("key=" + id + " name=\"Lop Buri office\" "
                + "scope=province:16 POST /api/v1/submissions -> 403 from 127.0.0.1"));
        assertThat(lines).anySatisfy(line -> assertThat(line).isEqualTo("key=" + id + " refused (unknown key or "
                + "wrong secret) POST /api/v1/submissions -> 401 from 127.0.0.1"));
        String secret = lopBuriKey.substring(("ita_" + id + "_").length());
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(secret.substring(0, 20)));
    }

    @Test
    void anOrganizationOutsideTheKeysScopeIs403() throws Exception {
        HttpResponse<String> response = submit(lopBuriKey, SEED_JSON);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("province:16").contains("6190803");
    }

    @Test
    void withAKeystoreTheApiSpeaksOnlyHttpsAndAnswersAsOverHttp(@TempDir Path dir) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir, "ingest");
        IngestSettings https = new IngestSettings(new HttpEndpoint("127.0.0.1", 0, "ingest.port"), 64 * 1024, 100,
                100, Duration.ofSeconds(5), Path.of("unused-keys.json"), IngestSettings.KeysSource.FILE,
                TlsSettings.from(ConfigSource.of(Map.of("ingest.tls.keystore", certificate.keystore().toString(),
                        "ingest.tls.keystore-password", certificate.password()), Map.of()), "ingest"));
        try (SubmissionPublisher publisher = IngestApplication.publisher(connections, https, true);
             IngestServer server = server(https, keys, publisher)) {
            KeyStore trusted = KeyStore.getInstance(certificate.truststore().toFile(),
                    certificate.password().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
            String url = https.url(server.port());

            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/submissions"))
                    .header("Authorization", "Bearer " + saraburiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SEED_JSON)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(url).startsWith("https://127.0.0.1:");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            assertThat(JSON.readTree(answer.body()).get("total").asText()).isEqualTo("94.30");
            assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("plain HTTP gets no answer on the HTTPS port").isInstanceOf(IOException.class);
        }
    }

    @Test
    void aWrongKeystorePasswordIsAConfigurationErrorNamingTheSetting(@TempDir Path dir) throws Exception {
        Path keystore = SelfSignedCertificate.create(dir, "ingest").keystore();

        assertThatThrownBy(() -> TlsSettings.from(ConfigSource.of(Map.of("ingest.tls.keystore", keystore.toString(),
                "ingest.tls.keystore-password", "wrong"), Map.of()), "ingest"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("ingest.tls.keystore: cannot open ")
                .hasMessageContaining("ingest.tls.keystore-password").hasMessageNotContaining("wrong");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String huge = "{\"orgNameTh\":\"" + "ก".repeat(70_000) + "\"}";

        HttpResponse<String> response = submit(nationalKey, huge);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aKeyOverItsRateIs429WithRetryAfter() throws Exception {
        ApiKeyStore oneKey = ApiKeyStore.empty();
        String key = oneKey.create("busy", new Scope.National()).plainText();
        IngestSettings tight = settings(0, 64 * 1024, 0.2, 2, Duration.ofSeconds(5));
        try (SubmissionPublisher publisher = IngestApplication.publisher(connections, tight, true);
             IngestServer limited = server(tight, oneKey, publisher)) {
            int last = 0;
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = post(limited.port(), "/api/v1/submissions", key, "application/json",
                        "{}");
                last = response.statusCode();
                if (last == 429) {
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                }
            }
            assertThat(last).isEqualTo(429);
        }
    }

    @Test
    void whenKafkaDoesNotAnswerTheAnswerIs503WithRetryAfterNever202() throws Exception {
        Connections nowhere = new Connections(KafkaSettings.of("127.0.0.1:1"), connections.registry(),
                connections.clickhouse());
        IngestSettings fast = settings(0, 64 * 1024, 100, 100, Duration.ofMillis(1500));
        try (SubmissionPublisher publisher = IngestApplication.publisher(nowhere, fast, true);
             IngestServer unreachable = server(fast, keys, publisher)) {
            HttpResponse<String> response = post(unreachable.port(), "/api/v1/submissions", nationalKey,
                    "application/json", SEED_JSON);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void bulkCsvPublishesValidRowsAndReportsTheOthersByLine() throws Exception {
        String csv = Fixtures.csv(Fixtures.seedRow("6190804", "1"), Fixtures.seedRow("6190802", "1"),
                Fixtures.seedRow("6190802", "2"), Fixtures.seedRow("9999999", "1"));

        HttpResponse<String> response = post(ingest.port(), "/api/v1/submissions/bulk", saraburiKey, "text/csv", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").asInt()).isEqualTo(3);
        assertThat(answer.get("results").findValuesAsText("status"))
                .containsExactly("accepted", "rejected", "rejected", "rejected");
        assertThat(answer.get("results").get(3).get("line").asInt()).isEqualTo(5);
        assertThat(answer.get("results").get(1).toString()).contains("organization-year-once-per-request");
    }

    @Test
    void methodologyHealthMetricsAndOpenApiAreServed() throws Exception {
        HttpResponse<String> methodology = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ingest.port() + "/api/v1/methodology/2568")).header("Authorization", "Bearer " + nationalKey)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(methodology.body()).get("fiscalYear").asInt()).isEqualTo(2568);
        assertThat(get("/health").body()).contains("UP");
        assertThat(get("/metrics").body()).contains("itapipe_ingest");
        assertThat(JSON.readTree(get("/openapi.json").body()).get("paths").has("/api/v1/submissions")).isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingest.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static IngestServer server(IngestSettings settings, ApiKeyStore keys, SubmissionPublisher publisher) {
        IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.standard();
        return new IngestServer(settings, reference.validator(), reference.bulkImport(), reference.methodologies(),
                publisher, keys, HealthCheck.Health::ok, BulkImport.Admission.ALL).start();
    }
}
