package org.itapipe.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.StandaloneKafka;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.Scope;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.Organization;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.Topic;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker restarts under API traffic: while it cannot acknowledge, the API answers 503 with Retry-After and
 * never 202; afterwards every 202'd submission is in Kafka once and in ClickHouse once, through streams and the sink.
 */
@ExtendWith(EmbeddedStackExtension.class)
class KafkaRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Nakhon Ratchasima: enough organizations for one submission each across the outage. */
    private static final String PROVINCE = "30";
    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @TempDir
    Path stateDir;

    /** One answer of the API to one organization's submission. */
    private record Answer(String orgCode, int status, String submissionId, boolean retryAfter, long answeredAt) {
    }

    @Test
    void noSubmissionIsAcceptedThatIsNotDurableAndEveryAcceptedOneIsLoadedOnce(StackEndpoints stack)
            throws Exception {
        try (StandaloneKafka kafka = StandaloneKafka.start(stateDir.resolve("kafka"))) {
            Connections connections = new Connections(kafka.settings(), stack.connections().registry(),
                    stack.connections().clickhouse());
            ApiKeyStore keys = ApiKeyStore.empty();
            String key = keys.create("restart", new Scope.National()).plainText();
            List<Answer> answers = new CopyOnWriteArrayList<>();
            try (IngestApplication ingest = IngestApplication.start(connections, IngestSettings.from(ConfigSource.of(
                    Map.of("ingest.port", "0", "ingest.publish-timeout-ms", "1500"), Map.of())),
                    IngestApplication.ReferenceData.standard(), keys, true, TopicSettings.SINGLE_BROKER);
                 StreamsApplication streams = StreamsApplication.start(connections, StreamsSettings.from(
                         ConfigSource.of(Map.of("schemas.auto-register", "true"), Map.of())).withApplication(
                         "itapipe-restart-" + UUID.randomUUID(), stateDir.resolve("streams"), 0),
                         MethodologyCatalog.builtIn());
                 SinkApplication sink = SinkApplication.start(connections, SinkSettings.from(ConfigSource.of(
                         Map.of("schemas.auto-register", "true", "sink.batch.max-age-ms", "200"), Map.of()))
                         .with("itapipe-sink-restart-" + UUID.randomUUID(), 0), MethodologyCatalog.builtIn(),
                         SinkLoader.AfterInsert.NOTHING)) {
                AtomicBoolean posting = new AtomicBoolean(true);
                Thread poster = new Thread(() -> post(ingest.port(), key, posting, answers), "restart-poster");
                poster.start();
                awaitAccepted(answers, 30);
                kafka.stop();
                long stopped = System.nanoTime();
                Thread.sleep(OUTAGE.toMillis());
                int acceptedDuringOutage = (int) answers.stream().filter(a -> a.status() == 202).count();
                kafka.restart();
                long restarted = System.nanoTime();
                awaitAccepted(answers, acceptedDuringOutage + 30);
                posting.set(false);
                poster.join();
                long firstAcceptedAfter = answers.stream().filter(a -> a.status() == 202)
                        .mapToLong(Answer::answeredAt).filter(at -> at > restarted).min().orElseThrow();
                System.out.printf("kafka restart under API traffic: %d sent, %d answered 202, %d answered 503 "
                        + "(broker down %.1f s); first 202 %.1f s after it was back%n", answers.size(),
                        count(answers, 202), count(answers, 503), (restarted - stopped) / 1e9,
                        (firstAcceptedAfter - restarted) / 1e9);

                assertThat(answers).extracting(Answer::status).as("only 202 or 503").containsOnly(202, 503);
                assertThat(answers).filteredOn(a -> a.status() == 503).isNotEmpty().allMatch(Answer::retryAfter);
                List<String> accepted = answers.stream().filter(a -> a.status() == 202).map(Answer::submissionId)
                        .toList();
                List<ScoreSubmission> published = read(connections, Topics.SUBMISSIONS, false);
                Map<String, Long> inKafka = published.stream().collect(Collectors.groupingBy(
                        ScoreSubmission::getSubmissionId, Collectors.counting()));
                assertThat(accepted).allSatisfy(id -> assertThat(inKafka.get(id)).as("times in Kafka: " + id)
                        .isEqualTo(1L));
                String ids = accepted.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
                List<Map<String, Object>> loaded = ClickHouseQueries.awaitRows(stack.clickhouseAnalyst(),
                        "SELECT submission_id, count() AS n FROM submissions FINAL WHERE submission_id IN (" + ids
                                + ") GROUP BY submission_id", rows -> rows.size() >= accepted.size());
                List<String> loadedIds = loaded.stream().map(row -> (String) row.get("submission_id")).toList();
                List<String> latest = read(connections, Topics.LATEST_SUBMISSIONS, true).stream()
                        .map(ScoreSubmission::getSubmissionId).toList();
                assertThat(loaded).as("missing in ClickHouse: %s; of them in the latest topic: %s", accepted.stream()
                        .filter(id -> !loadedIds.contains(id)).toList(), accepted.stream()
                        .filter(id -> !loadedIds.contains(id)).filter(latest::contains).toList())
                        .hasSize(accepted.size()).allSatisfy(row ->
                        assertThat(((Number) row.get("n")).longValue()).isEqualTo(1));
                List<String> publishedOrgs = published.stream().map(ScoreSubmission::getOrgCode).toList();
                long answered503ButDurable = answers.stream().filter(a -> a.status() == 503)
                        .filter(a -> publishedOrgs.contains(a.orgCode())).count();
                System.out.printf("kafka restart: %d of %d accepted submissions in ClickHouse once; %d records in "
                        + "Kafka of the %d organizations answered 503%n", loaded.size(), accepted.size(),
                        answered503ButDurable, count(answers, 503));
            }
        }
    }

    private static void post(int port, String key, AtomicBoolean posting, List<Answer> answers) {
        List<Organization> organizations = OrganizationRegistry.dla().inProvince(PROVINCE);
        for (int i = 0; posting.get() && i < organizations.size(); i++) {
            String org = organizations.get(i).code();
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/submissions"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"orgCode\":\"" + org + "\",\"fiscalYear\":2568,"
                                + "\"indicators\":{\"1\":91,\"2\":92,\"3\":93,\"4\":94,\"5\":95,\"6\":96,\"7\":97,"
                                + "\"8\":98,\"9\":99,\"10\":" + (50 + i % 50) + "}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode body = JSON.readTree(response.body());
                answers.add(new Answer(org, response.statusCode(), body.path("submissionId").asText(null),
                        response.headers().firstValue("Retry-After").isPresent(), System.nanoTime()));
                Thread.sleep(20);
            } catch (Exception e) {
                throw new IllegalStateException("posting " + org + ": " + e.getMessage(), e);
            }
        }
    }

    private static void awaitAccepted(List<Answer> answers, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count(answers, 202) < atLeast) {
            assertThat(System.nanoTime()).as("waiting for " + atLeast + " accepted; answers " + answers.size())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long count(List<Answer> answers, int status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }

    /** Every record of a topic of submissions, read to its end. */
    private static List<ScoreSubmission> read(Connections connections, Topic<String, ScoreSubmission> topic,
                                              boolean committedOnly) {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), false);
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        List<ScoreSubmission> published = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                records.forEach(record -> published.add(serdes.value(topic).deserializer()
                        .deserialize(record.topic(), record.value())));
            }
        }
        return published;
    }
}
