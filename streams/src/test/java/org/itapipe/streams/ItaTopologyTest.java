package org.itapipe.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itapipe.streams.TopologyHarness.all;
import static org.itapipe.streams.TopologyHarness.drain;
import static org.itapipe.streams.TopologyHarness.seed;
import static org.itapipe.streams.TopologyHarness.submission;
import static org.itapipe.streams.TopologyHarness.table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.avro.IndicatorGap;
import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.LevelChange;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.PreviousScoreSource;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.YearOverYearChange;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.ScoreCard;
import org.itapipe.schemas.methodology.SubmissionScores;
import org.itapipe.schemas.topics.DeadLetters;
import org.itapipe.schemas.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItaTopologyTest {

    private final TopologyHarness harness = new TopologyHarness();
    private final TestOutputTopic<String, ScoreSubmission> latest = harness.output(Topics.LATEST_SUBMISSIONS);
    private final TestOutputTopic<String, IndicatorGaps> gaps = harness.output(Topics.INDICATOR_GAPS);
    private final TestOutputTopic<String, YearOverYearChange> yoy = harness.output(Topics.YEAR_OVER_YEAR);
    private final TestOutputTopic<String, OitAlert> alerts = harness.output(Topics.OIT_ALERTS);
    private final TestOutputTopic<String, AreaRollup> districts = harness.output(Topics.DISTRICT_ROLLUPS);
    private final TestOutputTopic<String, AreaRollup> provinces = harness.output(Topics.PROVINCE_ROLLUPS);
    private final TestOutputTopic<String, DeadLetter> deadLetters = harness.output(Topics.DEAD_LETTERS);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void theSeedCanRecover350PointsOnIndicator9And200On10RankedFirstAndSecond() {
        harness.send(seed(1));

        IndicatorGaps seedGaps = gaps.readValue();
        assertThat(seedGaps.getTotal()).hasToString("94.30");
        assertThat(seedGaps.getLevel()).isEqualTo("GOOD_PASS");
        assertThat(seedGaps.getGapToNextLevel()).hasToString("0.70");
        IndicatorGap nine = seedGaps.getIndicators().get(8);
        assertThat(nine.getPointsRecoverable()).hasToString("3.50");
        assertThat(nine.getRank()).isEqualTo(1);
        assertThat(seedGaps.getIndicators().get(9).getPointsRecoverable()).hasToString("2.00");
        assertThat(seedGaps.getIndicators().get(9).getRank()).isEqualTo(2);
        assertThat(seedGaps.getIndicators().stream().map(IndicatorGap::getPointsRecoverable)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).hasToString("5.70");
        assertThat(seedGaps.getItemGaps()).hasSize(7);
    }

    @Test
    void theTotalLevelAndPointsAreTheCardsInTheRecordNotAScoringOfItsOwn() {
        ScoreSubmission submission = submission("6190803", "1908", "19", 2568, 1, all("90.00"));
        // A card that does not follow from the indicators: streams takes it as the validator computed it.
        ScoreCard card = MethodologyCatalog.builtIn().require(2568).score(SubmissionScores.indicators(
                submission("6190803", "1908", "19", 2568, 1, all("80.00"))));
        submission.setCard(SubmissionScores.computed(card));

        harness.send(submission);

        IndicatorGaps read = gaps.readValue();
        assertThat(read.getTotal()).hasToString("80.00");
        assertThat(read.getLevel()).isEqualTo(card.level().code());
        assertThat(read.getIndicators()).extracting(IndicatorGap::getPointsRecoverable)
                .isEqualTo(List.copyOf(new TreeMap<>(card.recoverable()).values()));
        assertThat(read.getIndicators()).extracting(gap -> gap.getScore().toPlainString()).containsOnly("90.00");
    }

    @Test
    void theSeedOpensSevenOitAlertsNoneOfWhichFell() {
        harness.send(seed(1));

        List<OitAlert> opened = alerts.readValuesToList();
        assertThat(opened).extracting(OitAlert::getItemCode)
                .containsExactlyInAnyOrder("o5", "o6", "o7", "o12", "o19", "o23", "o25");
        assertThat(opened).allSatisfy(alert -> {
            assertThat(alert.getState()).isEqualTo(AlertState.OPEN);
            assertThat(alert.getPreviousScoreFrom()).isEqualTo(PreviousScoreSource.NONE);
            assertThat(alert.getFell()).isFalse();
        });
    }

    @Test
    void aRevisionResolvesLiftedItemsOpensFallenOnesAndNeverReopensAnOpenAlert() {
        harness.send(seed(1));
        alerts.readValuesToList();
        String[] revised = TopologyHarness.SEED_OIT_ITEMS.clone();
        revised[3] = "100.00";   // o5 lifted
        revised[1] = "40.00";    // o1 fell from 100
        harness.send(submission("6190803", "1908", "19", 2568, 2, TopologyHarness.SEED_INDICATORS, revised));

        List<OitAlert> changes = alerts.readValuesToList();
        assertThat(changes).extracting(OitAlert::getItemCode, OitAlert::getState).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("o1", AlertState.OPEN),
                org.assertj.core.groups.Tuple.tuple("o5", AlertState.RESOLVED));
        OitAlert o1 = changes.stream().filter(a -> a.getItemCode().equals("o1")).findFirst().orElseThrow();
        assertThat(o1.getPreviousScore()).hasToString("100.00");
        assertThat(o1.getPreviousScoreFrom()).isEqualTo(PreviousScoreSource.PREVIOUS_REVISION);
        assertThat(o1.getFell()).isTrue();
    }

    @Test
    void anOlderRevisionArrivingLateGoesToTheDeadLettersAsStaleAndChangesNothing() {
        harness.send(submission("6190803", "1908", "19", 2568, 5, all("90.00")));
        drain(gaps);
        ScoreSubmission stale = submission("6190803", "1908", "19", 2568, 3, all("10.00"));
        byte[] staleBytes = harness.serdes.value(Topics.SUBMISSIONS).serializer()
                .serialize(Topics.SUBMISSIONS.name(), stale);
        harness.rawSubmissions.pipeInput("6190803", staleBytes);
        harness.driver.advanceWallClockTime(TopologyHarness.COMMIT_INTERVAL);

        assertThat(gaps.isEmpty()).isTrue();
        assertThat(districts.readValuesToList()).extracting(AreaRollup::getMeanTotal).extracting(Object::toString)
                .containsOnly("90.00");
        TestRecord<String, DeadLetter> letter = deadLetters.readRecord();
        assertThat(letter.value().getReason()).isEqualTo("revision: stale-revision: revision 3 of 6190803/2568 is"
                + " below the current revision 5; send a correction as revision 6 or higher");
        assertThat(letter.key()).isEqualTo(Topics.SUBMISSIONS.name() + "/0/1");
        byte[] kept = new byte[letter.value().getValue().remaining()];
        letter.value().getValue().duplicate().get(kept);
        assertThat(kept).as("the original value bytes").isEqualTo(staleBytes);
        assertThat(metric("refused-revisions-total")).isEqualTo(1.0);
    }

    @Test
    void theSameRevisionWithOtherScoresIsAConflictThatLeavesEveryOutputAtTheFirst() {
        harness.send(submission("6190803", "1908", "19", 2568, 2, all("97.60")));
        harness.send(submission("6190803", "1908", "19", 2568, 2, all("98.20")));

        assertThat(drain(gaps)).extracting(g -> g.value().getTotal().toPlainString()).containsExactly("97.60");
        assertThat(table(drain(latest)).get("6190803/2568").getIndicators().get(0).getScore()).hasToString("97.60");
        assertThat(table(drain(districts)).get("2568/1908").getMeanTotal()).hasToString("97.60");
        assertThat(deadLetters.readValue().getReason()).startsWith("revision: revision-conflict: revision 2 of");
    }

    @Test
    void theSameRevisionResentWithTheSameScoresIsADuplicateThatChangesNothing() {
        harness.send(seed(1));
        drain(gaps);
        alerts.readValuesToList();
        harness.send(seed(1));

        assertThat(gaps.isEmpty()).isTrue();
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(metric("duplicate-revisions-total")).isEqualTo(1.0);
    }

    @Test
    void everyNewLatestRevisionIsPublishedUnderItsOrganizationAndYear() {
        harness.send(seed(1));
        harness.send(seed(2));
        harness.send(seed(1));

        assertThat(drain(latest)).extracting(TestRecord::key, r -> r.value().getRevision()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("6190803/2568", 1L),
                org.assertj.core.groups.Tuple.tuple("6190803/2568", 2L));
    }

    @Test
    void aRevisionThatNoLongerStatesAnItemWithdrawsItsOpenAlert() {
        harness.send(seed(1));
        alerts.readValuesToList();
        harness.send(submission("6190803", "1908", "19", 2568, 2, TopologyHarness.SEED_INDICATORS));

        List<OitAlert> changes = alerts.readValuesToList();
        assertThat(changes).extracting(OitAlert::getItemCode)
                .containsExactlyInAnyOrder("o5", "o6", "o7", "o12", "o19", "o23", "o25");
        assertThat(changes).allSatisfy(alert -> {
            assertThat(alert.getState()).isEqualTo(AlertState.WITHDRAWN);
            assertThat(alert.getRevision()).isEqualTo(2L);
            assertThat(alert.getFell()).isFalse();
        });
        assertThat(changes.stream().filter(a -> a.getItemCode().equals("o25")).findFirst().orElseThrow().getScore())
                .as("the last score stated").hasToString("10.00");
        assertThat(table(drain(districts)).get("2568/1908").getWithOitAlert()).isZero();
    }

    @Test
    void aRevisionMovesTheOrganizationsContributionInItsRollups() {
        harness.send(submission("6190804", "1908", "19", 2568, 1, all("80.00")));
        harness.send(submission("6190803", "1908", "19", 2568, 1, all("90.00")));
        harness.send(submission("6190803", "1908", "19", 2568, 2, all("100.00")));

        List<AreaRollup> rollups = districts.readValuesToList();
        assertThat(rollups).extracting(r -> r.getMeanTotal().toPlainString()).containsExactly("80.00", "85.00", "90.00");
        AreaRollup last = rollups.get(2);
        assertThat(last.getOrganizations()).isEqualTo(2);
        assertThat(last.getMedianTotal()).hasToString("90.00");
        assertThat(last.getMinTotal()).hasToString("80.00");
        assertThat(last.getMaxTotal()).hasToString("100.00");
        assertThat(last.getStddevTotal()).hasToString("10.00");
        assertThat(last.getPassing()).isEqualTo(1);
        assertThat(table(drain(provinces))).containsKey("2568/19");
    }

    @Test
    void yearOverYearIsProducedWhicheverYearArrivesFirstAndLevelsOfDifferentBandsAreNotCompared() {
        harness.send(submission("6190803", "1908", "19", 2568, 1, all("90.00")));
        assertThat(yoy.isEmpty()).isTrue();

        harness.send(submission("6190803", "1908", "19", 2567, 1, all("80.00")));

        TestRecord<String, YearOverYearChange> change = yoy.readRecord();
        assertThat(change.key()).isEqualTo("6190803/2568");
        assertThat(change.value().getTotalDelta()).hasToString("10.00");
        assertThat(change.value().getPreviousLevel()).isEqualTo("B");
        assertThat(change.value().getLevel()).isEqualTo("GOOD_PASS");
        assertThat(change.value().getLevelChange()).as("AA..F of 2567 against the three bands of 2568")
                .isEqualTo(LevelChange.NOT_COMPARABLE);
        Map<String, AreaRollup> district = table(drain(districts));
        assertThat(district.get("2568/1908").getMeanTotalChange()).hasToString("10.00");
    }

    @Test
    void revisingTheEarlierYearUpdatesTheLaterYearsChange() {
        harness.send(submission("6190803", "1908", "19", 2567, 1, all("80.00")));
        harness.send(submission("6190803", "1908", "19", 2568, 1, all("90.00")));
        harness.send(submission("6190803", "1908", "19", 2567, 2, all("95.00")));

        List<YearOverYearChange> changes = yoy.readValuesToList();
        assertThat(changes).extracting(c -> c.getTotalDelta().toPlainString()).containsExactly("10.00", "-5.00");
        assertThat(changes.get(1).getPreviousLevel()).isEqualTo("AA");
        assertThat(changes.get(1).getLevelChange()).isEqualTo(LevelChange.NOT_COMPARABLE);
    }

    @Test
    void levelsCompareBetweenYearsGradedWithTheSameBands(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String fy2568 = new String(getClass().getResourceAsStream("/org/itapipe/schemas/methodology/ita-2568.json")
                .readAllBytes(), StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(dir.resolve("ita-2569.json"), fy2568.replace("\"fiscalYear\": 2568",
                "\"fiscalYear\": 2569"));
        try (TopologyHarness sameBands = new TopologyHarness(
                org.itapipe.schemas.methodology.MethodologyCatalog.builtInAnd(dir))) {
            TestOutputTopic<String, YearOverYearChange> changes = sameBands.output(Topics.YEAR_OVER_YEAR);
            sameBands.send(submission("6190803", "1908", "19", 2568, 1, all("90.00")));
            sameBands.send(submission("6190803", "1908", "19", 2569, 1, all("96.00")));
            sameBands.send(submission("6190803", "1908", "19", 2569, 2, all("80.00")));

            assertThat(changes.readValuesToList()).extracting(YearOverYearChange::getLevelChange)
                    .containsExactly(LevelChange.UP, LevelChange.DOWN);
        }
    }

    @Test
    void theLatestIsPublishedByteForByteAsItArrived() {
        byte[] arrived = harness.serdes.value(Topics.SUBMISSIONS).serializer()
                .serialize(Topics.SUBMISSIONS.name(), seed(1));
        TestOutputTopic<String, byte[]> published = harness.driver.createOutputTopic(
                Topics.LATEST_SUBMISSIONS.name(), new StringDeserializer(), new ByteArrayDeserializer());

        harness.rawSubmissions.pipeInput("6190803", arrived);

        assertThat(published.readValue()).isEqualTo(arrived);
        assertThat(gaps.readValue().getTotal()).hasToString("94.30");
    }

    @Test
    void undecodableInputGoesToTheDeadLettersAndProcessingGoesOn() {
        harness.rawSubmissions.pipeInput("6190803", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        harness.send(seed(1));

        TestRecord<String, DeadLetter> letter = deadLetters.readRecord();
        assertThat(letter.value().getReason()).contains("magic byte");
        assertThat(new String(letter.headers().lastHeader(DeadLetters.HEADER_REASON).value(), StandardCharsets.UTF_8))
                .contains("magic byte");
        assertThat(gaps.readValue().getTotal()).hasToString("94.30");
    }

    @Test
    void aYearWithoutMethodologyGoesToTheDeadLettersWithTheReason() {
        harness.send(submission("6190803", "1908", "19", 2590, 1, all("90.00")));

        assertThat(deadLetters.readValue().getReason()).contains("2590");
        assertThat(gaps.isEmpty()).isTrue();
    }

    private double metric(String name) {
        return harness.driver.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name))
                .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue()).sum();
    }
}
