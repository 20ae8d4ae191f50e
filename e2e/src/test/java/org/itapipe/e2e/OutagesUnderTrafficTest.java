package org.itapipe.e2e;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.StandaloneClickHouse;
import org.itapipe.devstack.StandaloneKafka;
import org.itapipe.devstack.StandaloneSchemaRegistry;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.Scope;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.Organization;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.Topic;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import org.itapipe.testkit.ClickHouseQueries;
import org.itapipe.testkit.TopicContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part of the stack goes away under API traffic through the whole pipeline (ingest, streams, sink), each on a
 * Kafka of its own so that the other tests of the JVM are not disturbed: afterwards every 202'd submission is in
 * Kafka once and in ClickHouse once.
 */
@ExtendWith(EmbeddedStackExtension.class)
class OutagesUnderTrafficTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final Duration CLICKHOUSE_OUTAGE = Duration.ofSeconds(20);

    @TempDir
    Path stateDir;

    /** One answer of the API to one organization's submission. */
    private record Answer(String orgCode, int status, String submissionId, boolean retryAfter, long answeredAt) {
    }

    @Test
    void aKafkaRestartIsAnswered503AndEveryAcceptedSubmissionIsLoadedOnce(StackEndpoints stack) throws Exception {
        try (StandaloneKafka kafka = StandaloneKafka.start(stateDir.resolve("kafka"))) {
            Connections connections = new Connections(kafka.settings(), stack.connections().registry(),
                    stack.connections().clickhouse());
            try (Traffic traffic = Traffic.start(connections, stateDir, "30")) {
                traffic.awaitAccepted(30);
                kafka.stop();
                long stopped = System.nanoTime();
                Thread.sleep(OUTAGE.toMillis());
                long acceptedBefore = traffic.count(202);
                kafka.restart();
                long restarted = System.nanoTime();
                traffic.awaitAccepted(acceptedBefore + 30);
                List<Answer> answers = traffic.stop();
                long firstAcceptedAfter = answers.stream().filter(a -> a.status() == 202)
                        .mapToLong(Answer::answeredAt).filter(at -> at > restarted).min().orElseThrow();
                System.out.printf("kafka restart under API traffic: %d sent, %d answered 202, %d answered 503 "
                        + "(broker down %.1f s); first 202 %.1f s after it was back%n", answers.size(),
                        traffic.count(202), traffic.count(503), (restarted - stopped) / 1e9,
                        (firstAcceptedAfter - restarted) / 1e9);

                assertThat(answers).extracting(Answer::status).as("only 202 or 503").containsOnly(202, 503);
                assertThat(answers).filteredOn(a -> a.status() == 503).isNotEmpty().allMatch(Answer::retryAfter);
                List<ScoreSubmission> published = read(connections, new TopicSerdes(new SchemaRegistryClient(
                        connections.registry()), false), Topics.SUBMISSIONS);
                assertEveryAcceptedIsLoadedOnce(stack.clickhouseAnalyst(), answers, published);
                List<String> publishedOrgs = published.stream().map(ScoreSubmission::getOrgCode).toList();
                System.out.printf("kafka restart: %d records in Kafka of the %d organizations answered 503%n",
                        answers.stream().filter(a -> a.status() == 503).filter(a -> publishedOrgs.contains(
                                a.orgCode())).count(), traffic.count(503));
            }
        }
    }

    @Test
    void aRegistryOutageStopsNothingThatHasItsSchemas(StackEndpoints stack) throws Exception {
        try (StandaloneKafka kafka = StandaloneKafka.start(stateDir.resolve("kafka"));
             StandaloneSchemaRegistry registry = StandaloneSchemaRegistry.start(stateDir.resolve("registry"))) {
            Connections connections = new Connections(kafka.settings(), registry.settings(),
                    stack.connections().clickhouse());
            try (Traffic traffic = Traffic.start(connections, stateDir, "30")) {
                traffic.awaitAccepted(30);
                // Every service has decoded and encoded each kind of record once (what "cached" means).
                traffic.awaitSinkLoadedEveryOutput(connections);
                // This reader's schemas are cached too, by a first read while the registry is there.
                TopicSerdes cached = new TopicSerdes(new SchemaRegistryClient(connections.registry()), false);
                read(connections, cached, Topics.SUBMISSIONS);
                registry.stop();
                long acceptedBefore = traffic.count(202);
                try (SinkApplication newcomer = SinkApplication.start(connections, SinkSettings.from(ConfigSource.of(
                        Map.of(), Map.of())).with("itapipe-sink-newcomer-" + UUID.randomUUID(), 0),
                        MethodologyCatalog.builtIn(), SinkLoader.AfterInsert.NOTHING)) {
                    traffic.awaitAccepted(acceptedBefore + 30);
                    traffic.stop();
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (newcomer.healthy() && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    assertThat(newcomer.healthy()).as("a sink without the schemas waits for the registry").isFalse();
                    assertThat(health(newcomer.httpPort())).contains("waits for the schema registry");
                }
                List<Answer> answers = traffic.stop();
                System.out.printf("registry outage under API traffic: %d sent, %d answered 202 (%d while the "
                        + "registry was down), %d answered otherwise%n", answers.size(), traffic.count(202),
                        traffic.count(202) - acceptedBefore, answers.size() - traffic.count(202));

                assertThat(answers).extracting(Answer::status).as("the API goes on with its cached schema")
                        .containsOnly(202);
                assertEveryAcceptedIsLoadedOnce(stack.clickhouseAnalyst(), answers,
                        read(connections, cached, Topics.SUBMISSIONS));
                assertThat(records(connections, Topics.DEAD_LETTERS.name())).as("an outage makes no dead letters")
                        .isZero();
            }
        }
    }

    @Test
    void clickHouseDownForAWhileDelaysTheLoadButLosesAndDoublesNothing(StackEndpoints stack) throws Exception {
        try (StandaloneKafka kafka = StandaloneKafka.start(stateDir.resolve("kafka"));
             StandaloneClickHouse clickhouse = StandaloneClickHouse.start(stateDir.resolve("clickhouse"))) {
            Connections connections = new Connections(kafka.settings(), stack.connections().registry(),
                    clickhouse.writer());
            try (Traffic traffic = Traffic.start(connections, stateDir, "30")) {
                traffic.awaitAccepted(30);
                awaitLoaded(clickhouse.analyst(), traffic.acceptedIds().subList(0, 1));
                clickhouse.stop();
                long stopped = System.nanoTime();
                long acceptedBefore = traffic.count(202);
                traffic.awaitAccepted(acceptedBefore + 30);
                List<Answer> answers = traffic.stop();
                Thread.sleep(Math.max(0, CLICKHOUSE_OUTAGE.toMillis() - (System.nanoTime() - stopped) / 1_000_000));
                clickhouse.restart();
                long restarted = System.nanoTime();

                assertThat(answers).extracting(Answer::status).as("ingest does not need ClickHouse").containsOnly(202);
                assertEveryAcceptedIsLoadedOnce(clickhouse.analyst(), answers, read(connections, new TopicSerdes(
                        new SchemaRegistryClient(connections.registry()), false), Topics.SUBMISSIONS));
                System.out.printf("clickhouse down %.1f s under API traffic: %d answered 202; all loaded %.1f s "
                        + "after it was back%n", (restarted - stopped) / 1e9, answers.size(),
                        (System.nanoTime() - restarted) / 1e9);
            }
        }
    }

    /**
     * No submission twice in {@code published} (the submissions topic), and each 202'd one once in ClickHouse's
     * submissions table.
     */
    private static void assertEveryAcceptedIsLoadedOnce(ClickHouseSettings analyst, List<Answer> answers,
                                                        List<ScoreSubmission> published) throws Exception {
        List<String> accepted = answers.stream().filter(a -> a.status() == 202).map(Answer::submissionId).toList();
        Map<String, Long> inKafka = published.stream().collect(Collectors.groupingBy(ScoreSubmission::getSubmissionId,
                Collectors.counting()));
        assertThat(inKafka.values()).as("no submission twice in Kafka").allMatch(times -> times == 1);
        List<Map<String, Object>> loaded = awaitLoaded(analyst, accepted);
        List<String> loadedIds = loaded.stream().map(row -> (String) row.get("submission_id")).toList();
        assertThat(loaded).as("accepted but not in ClickHouse: %s", accepted.stream()
                        .filter(id -> !loadedIds.contains(id)).toList())
                .hasSize(accepted.size()).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue())
                        .isEqualTo(1));
        System.out.printf("%d of %d accepted submissions in ClickHouse once%n", loaded.size(), accepted.size());
    }

    /** How many times each of {@code ids} is in ClickHouse's submissions, once all are there (or 90 s passed). */
    private static List<Map<String, Object>> awaitLoaded(ClickHouseSettings analyst, List<String> ids)
            throws InterruptedException {
        String quoted = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        return ClickHouseQueries.awaitRows(analyst, "SELECT submission_id, count() AS n "
                + "FROM submissions FINAL WHERE submission_id IN (" + quoted + ") GROUP BY submission_id",
                rows -> rows.size() >= ids.size());
    }

    private static String health(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** How many records a topic holds. */
    private static long records(Connections connections, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(connections.kafka().clientProperties(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - begin.get(end.getKey())).sum();
        }
    }

    /** Every record of a topic of submissions up to its end offsets of now. */
    private static List<ScoreSubmission> read(Connections connections, TopicSerdes serdes,
                                              Topic<String, ScoreSubmission> topic) {
        return TopicContents.read(connections.kafka(), topic.name()).stream()
                .map(record -> serdes.value(topic).deserializer().deserialize(record.topic(), record.value()))
                .toList();
    }

    /** Ingest, streams and the sink on {@code connections}, and a client posting one submission per organization. */
    private static final class Traffic implements AutoCloseable {

        private final List<AutoCloseable> services = new ArrayList<>();
        private final String sinkGroup = "itapipe-sink-outage-" + UUID.randomUUID();
        private final List<Answer> answers = new CopyOnWriteArrayList<>();
        private final AtomicBoolean posting = new AtomicBoolean(true);
        private Thread poster;

        static Traffic start(Connections connections, Path stateDir, String province) {
            Traffic traffic = new Traffic();
            ApiKeyStore keys = ApiKeyStore.empty();
            String key = keys.create("outage", new Scope.National()).plainText();
            IngestApplication ingest = IngestApplication.start(connections, IngestSettings.from(ConfigSource.of(
                            Map.of("ingest.port", "0", "ingest.publish-timeout-ms", "1500"), Map.of())),
                    IngestApplication.ReferenceData.standard(), keys, true, TopicSettings.SINGLE_BROKER);
            traffic.services.add(ingest);
            traffic.services.add(StreamsApplication.start(connections, StreamsSettings.from(ConfigSource.of(
                    Map.of("schemas.auto-register", "true"), Map.of())).withApplication("itapipe-outage-"
                    + UUID.randomUUID(), stateDir.resolve("streams"), 0), MethodologyCatalog.builtIn()));
            traffic.services.add(SinkApplication.start(connections, SinkSettings.from(ConfigSource.of(Map.of(
                    "schemas.auto-register", "true", "sink.batch.max-age-ms", "200"), Map.of()))
                    .with(traffic.sinkGroup, 0), MethodologyCatalog.builtIn(), SinkLoader.AfterInsert.NOTHING));
            traffic.poster = new Thread(() -> traffic.post(ingest.port(), key, province), "outage-poster");
            traffic.poster.start();
            return traffic;
        }

        private void post(int port, String key, String province) {
            List<Organization> organizations = OrganizationRegistry.dla().inProvince(province);
            for (int i = 0; posting.get() && i < organizations.size(); i++) {
                String org = organizations.get(i).code();
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/v1/submissions"))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"orgCode\":\"" + org + "\","
                                    + "\"fiscalYear\":2568,\"indicators\":{\"1\":91,\"2\":92,\"3\":93,\"4\":94,"
                                    + "\"5\":95,\"6\":96,\"7\":97,\"8\":98,\"9\":99,\"10\":" + (50 + i % 50) + "}}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 429) {
                        // Over the key's rate: wait as told and send the same organization again, as a client does.
                        Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                        i--;
                        continue;
                    }
                    JsonNode body = JSON.readTree(response.body());
                    answers.add(new Answer(org, response.statusCode(), body.path("submissionId").asText(null),
                            response.headers().firstValue("Retry-After").isPresent(), System.nanoTime()));
                    Thread.sleep(20);
                } catch (Exception e) {
                    throw new IllegalStateException("posting " + org + ": " + e.getMessage(), e);
                }
            }
        }

        void awaitAccepted(long atLeast) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (count(202) < atLeast) {
                assertThat(System.nanoTime()).as("waiting for " + atLeast + " accepted; answers " + answers)
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        /**
         * Until the sink has loaded (inserted, then committed) records of every topic this traffic makes: the latest
         * submissions, gaps and the three rollups, which come last, through the repartition. One record of a topic
         * is enough: its schema is then cached (one schema per topic in this run). Waiting for the committed
         * offsets to reach the topics' ends instead never ends on a partition whose last record is a transaction's:
         * the sink commits one past its last record, and the end is one past the marker.
         */
        void awaitSinkLoadedEveryOutput(Connections connections) throws Exception {
            List<String> outputs = List.of(Topics.LATEST_SUBMISSIONS.name(), Topics.INDICATOR_GAPS.name(),
                    Topics.DISTRICT_ROLLUPS.name(), Topics.PROVINCE_ROLLUPS.name(), Topics.NATIONAL_ROLLUPS.name());
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            try (Admin admin = Admin.create(connections.kafka().clientProperties())) {
                while (true) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(sinkGroup)
                            .partitionsToOffsetAndMetadata().get();
                    List<String> loaded = committed.entrySet().stream().filter(e -> e.getValue() != null
                            && e.getValue().offset() > 0).map(e -> e.getKey().topic()).distinct().toList();
                    if (loaded.containsAll(outputs)) {
                        return;
                    }
                    assertThat(System.nanoTime()).as("the sink has loaded records of " + loaded + " only")
                            .isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
        }

        List<String> acceptedIds() {
            return answers.stream().filter(a -> a.status() == 202).map(Answer::submissionId).toList();
        }

        long count(int status) {
            return answers.stream().filter(a -> a.status() == status).count();
        }

        /** Stops posting; every answer. */
        List<Answer> stop() throws InterruptedException {
            posting.set(false);
            poster.join();
            return List.copyOf(answers);
        }

        @Override
        public void close() throws Exception {
            stop();
            for (AutoCloseable service : services) {
                service.close();
            }
        }
    }
}
