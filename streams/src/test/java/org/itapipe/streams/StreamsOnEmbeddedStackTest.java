package org.itapipe.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.YearOverYearChange;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.Topic;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The streams service on the embedded stack, read back through the registry serde with read_committed consumers. */
@ExtendWith(EmbeddedStackExtension.class)
class StreamsOnEmbeddedStackTest {

    private static final MethodologyCatalog METHODOLOGIES = MethodologyCatalog.builtIn();

    @TempDir
    Path stateDir;
    private Connections connections;
    private TopicSerdes serdes;

    @BeforeEach
    void topics(Connections connections) {
        this.connections = connections;
        this.serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), true);
        TopicSetup.createMissing(connections.kafka(), TopicSettings.SINGLE_BROKER);
    }

    private StreamsSettings settings(String applicationId, String instance) {
        // A 10 s session: a member the group waits for (two instances joining at once) is given up on sooner.
        return StreamsSettings.from(ConfigSource.of(Map.of("streams.commit-interval-ms", "50",
                        "streams.cache-max-bytes", "0", "schemas.auto-register", "true",
                        "streams.session-timeout-ms", "10000"), Map.of()))
                .withApplication(applicationId, stateDir.resolve(instance), 0);
    }

    private void produce(List<ScoreSubmission> submissions) throws Exception {
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, ScoreSubmission> producer = new KafkaProducer<>(config,
                serdes.key(Topics.SUBMISSIONS).serializer(), serdes.value(Topics.SUBMISSIONS).serializer())) {
            for (ScoreSubmission submission : submissions) {
                producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), submission.getOrgCode(), submission)).get();
            }
        }
    }

    @Test
    void theSeedAndItsPreviousYearGiveGapsRollupsYearOverYearAndSevenOpenAlerts() throws Exception {
        ScoreSubmission previousYear = TopologyHarness.submission("6190803", "1908", "19", 2567, 1,
                TopologyHarness.all("90.00"));
        produce(List.of(previousYear, TopologyHarness.seed(1)));

        try (StreamsApplication streams = StreamsApplication.start(connections,
                settings("itapipe-streams-seed-" + UUID.randomUUID(), "seed"), METHODOLOGIES)) {
            Map<String, IndicatorGaps> gaps = TopicTables.readUntil(connections, Topics.INDICATOR_GAPS, "6190803/2568",
                    table -> table.size() == 1);
            assertThat(gaps.get("6190803/2568").getIndicators().get(8).getPointsRecoverable()).hasToString("3.50");
            assertThat(gaps.get("6190803/2568").getIndicators().get(9).getPointsRecoverable()).hasToString("2.00");

            Map<String, AreaRollup> district = TopicTables.readUntil(connections, Topics.DISTRICT_ROLLUPS, "2568/1908",
                    table -> table.containsKey("2568/1908") && table.get("2568/1908").getMeanTotalChange() != null);
            assertThat(district.get("2568/1908").getMeanTotal()).hasToString("94.30");
            assertThat(district.get("2568/1908").getMeanTotalChange()).hasToString("4.30");
            Map<String, AreaRollup> province = TopicTables.readUntil(connections, Topics.PROVINCE_ROLLUPS, "2568/19",
                    table -> table.containsKey("2568/19") && table.get("2568/19").getMeanTotalChange() != null);
            assertThat(province.get("2568/19").getOrganizations()).isEqualTo(1);
            assertThat(province.get("2568/19").getWithOitAlert()).isEqualTo(1);

            Map<String, YearOverYearChange> yoy = TopicTables.readUntil(connections, Topics.YEAR_OVER_YEAR,
                    "6190803/2568", table -> table.size() == 1);
            assertThat(yoy.get("6190803/2568").getTotalDelta()).hasToString("4.30");
            assertThat(yoy.get("6190803/2568").getPreviousLevel()).isEqualTo("A");

            Map<String, OitAlert> alerts = TopicTables.readUntil(connections, Topics.OIT_ALERTS, "6190803/2568/",
                    table -> table.size() == 7);
            assertThat(alerts.values()).extracting(OitAlert::getItemCode)
                    .containsExactlyInAnyOrder("o5", "o6", "o7", "o12", "o19", "o23", "o25");
            assertThat(alerts.values()).extracting(OitAlert::getState).containsOnly(AlertState.OPEN);
            assertThat(streams.state().isRunningOrRebalancing()).isTrue();
        }
    }

    @Test
    void twoInstancesSharingThePartitionsGiveTheSameOutputAsOne() throws Exception {
        List<ScoreSubmission> input = randomSubmissions(new Random(5), 80);
        Map<String, AreaRollup> expectedDistricts = TopologyHarness.finalTable(input, Topics.DISTRICT_ROLLUPS);
        Map<String, AreaRollup> expectedProvinces = TopologyHarness.finalTable(input, Topics.PROVINCE_ROLLUPS);
        Map<String, YearOverYearChange> expectedYoy = TopologyHarness.finalTable(input, Topics.YEAR_OVER_YEAR);
        String applicationId = "itapipe-streams-pair-" + UUID.randomUUID();

        try (StreamsApplication first = StreamsApplication.start(connections, settings(applicationId, "a"),
                METHODOLOGIES);
             StreamsApplication second = StreamsApplication.start(connections, settings(applicationId, "b"),
                     METHODOLOGIES)) {
            produce(input);

            assertThat(settle(Topics.DISTRICT_ROLLUPS, "256", expectedDistricts)).isEqualTo(expectedDistricts);
            assertThat(settle(Topics.PROVINCE_ROLLUPS, "256", expectedProvinces)).isEqualTo(expectedProvinces);
            assertThat(settle(Topics.YEAR_OVER_YEAR, "50", expectedYoy)).isEqualTo(expectedYoy);
            assertThat(first.state().isRunningOrRebalancing()).isTrue();
            assertThat(second.state().isRunningOrRebalancing()).isTrue();
        }
    }

    private <V extends SpecificRecord> Map<String, V> settle(Topic<String, V> topic,
                                                                                      String prefix,
                                                                                      Map<String, V> expected) {
        Map<String, V> relevant = new HashMap<>();
        TopicTables.readUntil(connections, topic, prefix, table -> {
            relevant.clear();
            table.forEach((key, value) -> {
                if (expected.containsKey(key)) {
                    relevant.put(key, value);
                }
            });
            return relevant.equals(expected);
        });
        return relevant;
    }

    /** Organizations of a made-up province 50 (districts 5001, 5002), years 2567 and 2568, with revisions. */
    private static List<ScoreSubmission> randomSubmissions(Random random, int count) {
        List<ScoreSubmission> submissions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int org = random.nextInt(6);
            String district = org < 3 ? "5001" : "5002";
            String[] indicators = new String[10];
            for (int k = 0; k < 10; k++) {
                indicators[k] = BigDecimal.valueOf(6_000 + random.nextInt(4_001), 2).toPlainString();
            }
            submissions.add(TopologyHarness.submission(district + "0" + org, district, "50",
                    random.nextBoolean() ? 2567 : 2568, 1 + random.nextInt(4), indicators,
                    "o5", random.nextInt(3) == 0 ? "50.00" : "100.00"));
        }
        return submissions;
    }
}
