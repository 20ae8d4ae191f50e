package org.itapipe.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.sink.load.ClickHouseWriter;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.sink.schema.Migrations;
import org.itapipe.testkit.ClickHouseQueries;
import org.itapipe.testkit.DeadLetterReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sink dies between an insert and its offset commit, restarts, and the views still show every row once. */
@ExtendWith(EmbeddedStackExtension.class)
class SinkFaultTest {

    static final int ORGANIZATIONS = 40;

    @Test
    void aCrashBetweenInsertAndCommitLeavesEveryRowExactlyOnceInTheViews(StackEndpoints stack) throws Exception {
        String district = "7710"; // a district of its own: no other test of this JVM writes 77xx
        produce(stack, district);
        SinkSettings settings = SinkSettings.from(ConfigSource.of(Map.of("schemas.auto-register", "true", "sink.batch.records", "1000",
                "sink.batch.max-age-ms", "300"), Map.of())).with("itapipe-sink-crash-" + UUID.randomUUID(), 0);

        AtomicInteger insertedBeforeCrash = new AtomicInteger();
        AtomicBoolean crashed = new AtomicBoolean();
        try (SinkApplication first = SinkApplication.start(stack.connections(), settings, MethodologyCatalog.builtIn(),
                records -> {
                    insertedBeforeCrash.addAndGet(records);
                    crashed.set(true);
                    throw new IllegalStateException("simulated crash after insert, before offset commit");
                })) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!crashed.get() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(crashed).isTrue();
            assertThat(first.healthy()).isFalse();
        }
        String raw = "SELECT count() AS n FROM submissions WHERE district_code = '" + district + "'";
        assertThat(((Number) ClickHouseQueries.query(stack.connections().clickhouse(), raw).get(0).get("n")).intValue())
                .as("the first run inserted before dying").isPositive();

        AtomicInteger replayed = new AtomicInteger();
        try (SinkApplication second = SinkApplication.start(stack.connections(), settings,
                MethodologyCatalog.builtIn(), replayed::addAndGet)) {
            String view = "SELECT count() AS n, uniqExact(org_code) AS orgs FROM v_latest_submissions WHERE "
                    + "district_code = '" + district + "'";
            List<Map<String, Object>> rows = ClickHouseQueries.awaitRows(stack.clickhouseAnalyst(), view,
                    r -> ((Number) r.get(0).get("n")).intValue() >= ORGANIZATIONS && replayed.get() > 0);
            assertThat(((Number) rows.get(0).get("n")).intValue()).isEqualTo(ORGANIZATIONS);
            assertThat(((Number) rows.get(0).get("orgs")).intValue()).isEqualTo(ORGANIZATIONS);
            String indicators = "SELECT count() AS n FROM v_latest_indicators i INNER JOIN v_latest_submissions s "
                    + "ON i.org_code = s.org_code AND i.fiscal_year = s.fiscal_year WHERE s.district_code = '"
                    + district + "'";
            assertThat(((Number) ClickHouseQueries.query(stack.clickhouseAnalyst(), indicators).get(0).get("n"))
                    .intValue()).isEqualTo(ORGANIZATIONS * 10);
            assertThat(replayed.get()).as("the restarted sink re-read the uncommitted batch")
                    .isGreaterThanOrEqualTo(insertedBeforeCrash.get());
        }
    }

    @Test
    void aRecordThatCanNeverBeLoadedGoesToTheDeadLettersAndTheRestLoads(StackEndpoints stack) throws Exception {
        String district = "7620"; // a district of its own: no other test of this JVM writes 76xx
        produce(stack, district);
        ScoreSubmission unknownYear = ScoreSubmission.newBuilder(submission(district + "99", district, 0))
                .setFiscalYear(2590).build();
        send(stack, unknownYear);
        SinkSettings settings = SinkSettings.from(ConfigSource.of(Map.of("schemas.auto-register", "true", "sink.batch.max-age-ms", "200"),
                Map.of()))
                .with("itapipe-sink-dlq-" + UUID.randomUUID(), 0);

        try (SinkApplication sink = SinkApplication.start(stack.connections(), settings, MethodologyCatalog.builtIn(),
                SinkLoader.AfterInsert.NOTHING)) {
            List<Map<String, Object>> rows = ClickHouseQueries.awaitRows(stack.clickhouseAnalyst(),
                    "SELECT count() AS n FROM v_latest_submissions WHERE district_code = '" + district + "'",
                    r -> ((Number) r.get(0).get("n")).intValue() >= ORGANIZATIONS);
            assertThat(((Number) rows.get(0).get("n")).intValue()).isEqualTo(ORGANIZATIONS);
            DeadLetter letter = DeadLetterReader.await(stack, Topics.orgYearKey(district + "99", 2590));
            assertThat(letter.getService()).isEqualTo("sink");
            assertThat(letter.getReason()).contains("2590");
            assertThat(sink.healthy()).isTrue();
        }
    }

    @Test
    void aChangedMigrationThatWasAlreadyAppliedIsRefused(StackEndpoints stack) throws Exception {
        SinkApplication.migrate(stack.connections(), MethodologyCatalog.builtIn());
        List<Migrations.Migration> edited = new ArrayList<>();
        for (var migration : Migrations.builtIn()) {
            edited.add(new Migrations.Migration(migration.version(), migration.name(),
                    migration.sql() + "\n-- edited", migration.checksum() + "x"));
        }
        try (var connection = ClickHouseWriter.connect(stack.connections().clickhouse())) {
            assertThatThrownBy(() -> Migrations.apply(connection, edited))
                    .hasMessageContaining("V1__tables was changed after it was applied");
            assertThat(Migrations.apply(connection,
                    Migrations.builtIn())).as("applying again is a no-op").isEmpty();
        }
    }

    /** What streams would publish as the latest submissions of {@code ORGANIZATIONS} organizations of a district. */
    static void produce(StackEndpoints stack, String district) throws Exception {
        TopicSetup.createMissing(stack.connections().kafka(), TopicSettings.SINGLE_BROKER);
        for (int i = 0; i < ORGANIZATIONS; i++) {
            send(stack, submission(district + String.format("%02d", i), district, i));
        }
    }

    private static ScoreSubmission submission(String org, String district, int i) {
        return ScoreSubmission.newBuilder()
                .setSubmissionId(UUID.randomUUID().toString()).setOrgCode(org).setOrgNameTh("อบต.ทดสอบ " + i)
                .setOrgType(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION)
                .setDistrictCode(district).setProvinceCode(district.substring(0, 2)).setFiscalYear(2568)
                .setRevision(1)
                .setIndicators(IntStream.rangeClosed(1, 10).mapToObj(n -> new IndicatorScore(n,
                        BigDecimal.valueOf(8_000 + n * 100 + i, 2))).toList())
                .setSource(SubmissionSource.GENERATED).setSubmittedAt(Instant.now()).build();
    }

    private static void send(StackEndpoints stack, ScoreSubmission submission) throws Exception {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), true);
        Map<String, Object> config = new HashMap<>(stack.connections().kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, ScoreSubmission> producer = new KafkaProducer<>(config,
                serdes.key(Topics.LATEST_SUBMISSIONS).serializer(),
                serdes.value(Topics.LATEST_SUBMISSIONS).serializer())) {
            producer.send(new ProducerRecord<>(Topics.LATEST_SUBMISSIONS.name(),
                    Topics.orgYearKey(submission.getOrgCode(), submission.getFiscalYear()), submission)).get();
        }
    }
}
