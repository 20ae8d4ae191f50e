package org.itapipe.streams;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.InMemorySchemaRegistry;
import org.itapipe.schemas.topics.Topic;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;

/** The topology in a TopologyTestDriver, with an in-memory registry, and helpers to feed and read it. */
final class TopologyHarness implements AutoCloseable {

    /** The commit interval, which is also how often the province sums emit the areas that changed. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistry(), true);
    final TopologyTestDriver driver;
    final TestInputTopic<String, ScoreSubmission> submissions;
    final TestInputTopic<String, byte[]> rawSubmissions;

    TopologyHarness(MethodologyCatalog methodologies) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "itapipe-streams-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
        // A state directory of its own, so that two harnesses can be open at once.
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory().toString());
        config.putAll(StreamsSettings.deadLetterHandlerConfig(serdes));
        driver = new TopologyTestDriver(new ItaTopology(serdes, methodologies).build(), config);
        submissions = driver.createInputTopic(Topics.SUBMISSIONS.name(), new StringSerializer(),
                serdes.value(Topics.SUBMISSIONS).serializer());
        rawSubmissions = driver.createInputTopic(Topics.SUBMISSIONS.name(), new StringSerializer(),
                new ByteArraySerializer());
    }

    private static java.nio.file.Path stateDirectory() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("itapipe-topology-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    TopologyHarness() {
        this(MethodologyCatalog.builtIn());
    }

    /** Sends a submission and lets a commit interval pass, so that every output it causes has been emitted. */
    void send(ScoreSubmission submission) {
        submissions.pipeInput(submission.getOrgCode(), submission);
        driver.advanceWallClockTime(COMMIT_INTERVAL);
    }

    <V extends SpecificRecord> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), serdes.key(topic).deserializer(),
                serdes.value(topic).deserializer());
    }

    static <V> List<TestRecord<String, V>> drain(TestOutputTopic<String, V> topic) {
        return new ArrayList<>(topic.readRecordsToList());
    }

    /** The latest value per key: what a compacted topic (a table) holds. */
    static <V> Map<String, V> table(List<TestRecord<String, V>> records) {
        Map<String, V> table = new LinkedHashMap<>();
        records.forEach(record -> {
            if (record.value() == null) {
                table.remove(record.key());
            } else {
                table.put(record.key(), record.value());
            }
        });
        return table;
    }

    /** A submission with the given indicator scores (10 values) and OIT item scores (code, score pairs). */
    static ScoreSubmission submission(String org, String district, String province, int year, long revision,
                                      String[] indicators, String... items) {
        List<ItemScore> itemScores = new ArrayList<>();
        for (int i = 0; i < items.length; i += 2) {
            itemScores.add(new ItemScore(items[i], new BigDecimal(items[i + 1])));
        }
        return ScoreSubmission.newBuilder()
                .setSubmissionId(org + "-" + year + "-" + revision)
                .setOrgCode(org).setOrgNameTh("อปท." + org).setOrgType(typeOf(org))
                .setDistrictCode(district).setProvinceCode(province)
                .setFiscalYear(year).setRevision(revision)
                .setIndicators(IntStream.range(0, 10)
                        .mapToObj(i -> new IndicatorScore(i + 1, new BigDecimal(indicators[i]))).toList())
                .setItems(itemScores)
                .setSource(SubmissionSource.API)
                .setSubmittedAt(Instant.parse("2025-10-01T00:00:00Z"))
                .build();
    }

    /** The type a DLA code's first digit stands for (2 อบจ., 4 เทศบาลเมือง, 5 เทศบาลตำบล, else อบต.). */
    static OrganizationType typeOf(String orgCode) {
        return switch (orgCode.charAt(0)) {
            case '2' -> OrganizationType.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION;
            case '4' -> OrganizationType.TOWN_MUNICIPALITY;
            case '5' -> OrganizationType.SUBDISTRICT_MUNICIPALITY;
            default -> OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION;
        };
    }

    static final String[] SEED_INDICATORS =
            {"100.00", "100.00", "100.00", "100.00", "100.00", "99.33", "99.33", "99.33", "82.50", "90.00"};

    static final String[] SEED_OIT_ITEMS = {"o1", "100.00", "o5", "50.00", "o6", "50.00", "o7", "50.00",
        "o12", "50.00", "o19", "50.00", "o23", "50.00", "o25", "10.00"};

    static ScoreSubmission seed(long revision) {
        return submission("6190803", "1908", "19", 2568, revision, SEED_INDICATORS, SEED_OIT_ITEMS);
    }

    static String[] all(String score) {
        String[] scores = new String[10];
        Arrays.fill(scores, score);
        return scores;
    }

    /** What the topology writes to {@code topic} for {@code input}, as a table: the single-instance reference. */
    static <V extends SpecificRecord> Map<String, V> finalTable(List<ScoreSubmission> input, Topic<String, V> topic) {
        try (TopologyHarness harness = new TopologyHarness()) {
            TestOutputTopic<String, V> output = harness.output(topic);
            input.forEach(harness::send);
            return table(drain(output));
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
