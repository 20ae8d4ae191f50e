package org.itapipe.streams;

import org.itapipe.schemas.methodology.SubmissionScores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.itapipe.streams.TopologyHarness.submission;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestOutputTopic;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.LevelCount;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.YearOverYearChange;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.ScoreCard;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.streams.derive.Scored;
import org.junit.jupiter.api.Test;

/**
 * Property: after every input of a random sequence of submissions and revisions (late, repeated, conflicting, with
 * and without item scores, years in any order) across several districts, provinces and organization types, every
 * rollup (district, province and national, over all types and per type), year-over-year record, gaps record, open
 * OIT alert and published latest submission on the output topics equals a brute-force recomputation from the latest
 * submission of each organization and year (the first of a revision number wins; docs/revisions.md).
 */
class RollupsMatchRecomputationTest {

    /** Code's first digit (its type: 2 อบจ., 4 เทศบาลเมือง, 5 เทศบาลตำบล, 6 อบต.), province, district. */
    private static final String[][] PLACES = {
        {"6", "19", "1908"}, {"5", "19", "1908"}, {"6", "19", "1901"}, {"2", "19", "1901"}, {"6", "19", "1902"},
        {"6", "16", "1606"}, {"4", "16", "1606"}, {"2", "16", "1601"}, {"5", "16", "1601"}};
    private static final int[] YEARS = {2567, 2568};
    private static final String[] OIT = {"o5", "o12", "o23", "o25"};
    private final MethodologyCatalog methodologies = MethodologyCatalog.builtIn();

    @Test
    void everyDerivedRecordEqualsARecomputationFromTheLatestRevisionAtEveryStep() {
        for (long seed = 1; seed <= 12; seed++) {
            runSequence(new Random(seed), 120);
        }
    }

    private void runSequence(Random random, int length) {
        try (TopologyHarness harness = new TopologyHarness(methodologies)) {
            Map<AreaLevel, TestOutputTopic<String, AreaRollup>> rollups = Map.of(
                    AreaLevel.DISTRICT, harness.output(Topics.DISTRICT_ROLLUPS),
                    AreaLevel.PROVINCE, harness.output(Topics.PROVINCE_ROLLUPS),
                    AreaLevel.NATIONAL, harness.output(Topics.NATIONAL_ROLLUPS));
            TestOutputTopic<String, YearOverYearChange> yoy = harness.output(Topics.YEAR_OVER_YEAR);
            TestOutputTopic<String, IndicatorGaps> gaps = harness.output(Topics.INDICATOR_GAPS);
            TestOutputTopic<String, OitAlert> alerts = harness.output(Topics.OIT_ALERTS);
            TestOutputTopic<String, ScoreSubmission> published = harness.output(Topics.LATEST_SUBMISSIONS);
            Map<String, IndicatorGaps> gapsTable = new HashMap<>();
            Map<String, OitAlert> alertTable = new HashMap<>();
            Map<String, ScoreSubmission> publishedTable = new HashMap<>();
            Map<AreaLevel, Map<String, AreaRollup>> rollupTables = new HashMap<>();
            Map<String, YearOverYearChange> yoyTable = new HashMap<>();
            Map<String, ScoreSubmission> latest = new HashMap<>();
            for (int step = 0; step < length; step++) {
                ScoreSubmission next = randomSubmission(random);
                harness.send(next);
                String key = next.getOrgCode() + "/" + next.getFiscalYear();
                if (!latest.containsKey(key) || latest.get(key).getRevision() < next.getRevision()) {
                    latest.put(key, next);
                }
                rollups.forEach((level, topic) -> topic.readKeyValuesToList().forEach(kv ->
                        rollupTables.computeIfAbsent(level, l -> new HashMap<>()).put(kv.key, kv.value)));
                yoy.readKeyValuesToList().forEach(kv -> yoyTable.put(kv.key, kv.value));
                gaps.readKeyValuesToList().forEach(kv -> gapsTable.put(kv.key, kv.value));
                alerts.readKeyValuesToList().forEach(kv -> alertTable.put(kv.key, kv.value));
                published.readKeyValuesToList().forEach(kv -> publishedTable.put(kv.key, kv.value));

                assertThat(publishedTable).as("published latest at step %d", step).isEqualTo(latest);
                assertThat(gapsTable.keySet()).as("gaps keys at step %d", step).isEqualTo(latest.keySet());
                gapsTable.forEach((gapsKey, g) -> assertThat(g.getTotal()).as(gapsKey)
                        .isEqualTo(total(latest.get(gapsKey))));
                assertThat(alertTable.entrySet().stream().filter(e -> e.getValue().getState() == AlertState.OPEN)
                        .map(Map.Entry::getKey).collect(Collectors.toSet()))
                        .as("open alerts at step %d", step).isEqualTo(expectedOpenAlerts(latest));

                for (AreaLevel level : AreaLevel.values()) {
                    assertThat(rollupTables.getOrDefault(level, Map.of())).as("%s rollups at step %d", level, step)
                            .isEqualTo(expectedRollups(latest, level));
                }
                assertThat(yoyTable.keySet()).as("year-over-year keys at step %d", step)
                        .isEqualTo(expectedYoyKeys(latest));
                yoyTable.forEach((yoyKey, change) -> assertThat(change.getTotalDelta()).as(yoyKey)
                        .isEqualTo(total(latest.get(yoyKey)).subtract(total(latest.get(
                                change.getOrgCode() + "/" + change.getPreviousFiscalYear())))));
            }
        }
    }

    private ScoreSubmission randomSubmission(Random random) {
        int org = random.nextInt(PLACES.length);
        String[] indicators = new String[10];
        for (int i = 0; i < 10; i++) {
            indicators[i] = BigDecimal.valueOf(5_000 + random.nextInt(5_001), 2).toPlainString();
        }
        int year = YEARS[random.nextInt(YEARS.length)];
        List<String> items = new ArrayList<>();
        if (year == 2568 && random.nextInt(4) != 0) {
            for (String code : OIT) {
                items.add(code);
                items.add(random.nextInt(4) == 0 ? "50.00" : "100.00");
            }
        }
        String[] place = PLACES[org];
        return submission(place[0] + place[2] + "0" + org, place[2], place[1], year, 1 + random.nextInt(6),
                indicators, items.toArray(String[]::new));
    }

    /** The alert keys that a recomputation from the latest revisions alone finds open. */
    private Set<String> expectedOpenAlerts(Map<String, ScoreSubmission> latest) {
        return latest.values().stream().flatMap(s -> s.getItems().stream()
                        .filter(item -> methodologies.require(s.getFiscalYear()).isOitItem(item.getCode()))
                        .filter(item -> item.getScore().compareTo(
                                methodologies.require(s.getFiscalYear()).alerts().oitItemThreshold()) <= 0)
                        .map(item -> Topics.alertKey(s.getOrgCode(), s.getFiscalYear(), item.getCode())))
                .collect(Collectors.toSet());
    }

    /** The rollup keys a submission counts in at one level, straight from the definition of each rollup. */
    private static List<String> areaKeys(ScoreSubmission s, AreaLevel level) {
        String year = s.getFiscalYear() + "/";
        String type = "/" + s.getOrgType().name();
        return switch (level) {
            case DISTRICT -> s.getOrgType() == OrganizationType.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION ? List.of()
                    : List.of(year + s.getDistrictCode());
            case PROVINCE -> List.of(year + s.getProvinceCode(), year + s.getProvinceCode() + type);
            case NATIONAL -> List.of(year + "TH", year + "TH" + type);
        };
    }

    private Map<String, AreaRollup> expectedRollups(Map<String, ScoreSubmission> latest, AreaLevel level) {
        Map<String, List<ScoreSubmission>> byArea = new HashMap<>();
        latest.values().forEach(s -> areaKeys(s, level).forEach(area ->
                byArea.computeIfAbsent(area, a -> new ArrayList<>()).add(s)));
        Map<String, AreaRollup> expected = new HashMap<>();
        byArea.forEach((area, members) -> expected.put(area, bruteForce(area, members, latest, level)));
        return expected;
    }

    /** An independent recomputation of a rollup, straight from its definition. */
    private AreaRollup bruteForce(String area, List<ScoreSubmission> members, Map<String, ScoreSubmission> latest,
                                  AreaLevel level) {
        String[] key = area.split("/");
        int year = members.get(0).getFiscalYear();
        Methodology methodology = methodologies.require(year);
        List<BigDecimal> totals = members.stream().map(this::total).sorted().toList();
        int n = totals.size();
        BigDecimal sum = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        BigDecimal median = n % 2 == 1 ? totals.get(n / 2)
                : totals.get(n / 2 - 1).add(totals.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        // Variance as E[x^2] - E[x]^2 (the topology uses the sum of squared deviations), in 34 digits.
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal meanOfSquares = totals.stream().map(t -> t.multiply(t)).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(count, MathContext.DECIMAL128);
        BigDecimal exactMean = sum.divide(count, MathContext.DECIMAL128);
        BigDecimal variance = meanOfSquares.subtract(exactMean.multiply(exactMean, MathContext.DECIMAL128));
        List<IndicatorScore> indicatorMeans = new ArrayList<>();
        for (int number = 1; number <= 10; number++) {
            final int indicator = number;
            BigDecimal indicatorSum = members.stream().map(s -> SubmissionScores.indicators(s).get(indicator))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            indicatorMeans.add(new IndicatorScore(number, indicatorSum.divide(BigDecimal.valueOf(n), 2,
                    RoundingMode.HALF_UP)));
        }
        List<LevelCount> levels = methodology.levels().stream().map(band -> new LevelCount(band.code(),
                (int) members.stream().filter(s -> card(s).level().code().equals(band.code())).count())).toList();
        List<BigDecimal> changes = members.stream()
                .filter(s -> latest.containsKey(s.getOrgCode() + "/" + (s.getFiscalYear() - 1)))
                .map(s -> total(s).subtract(total(latest.get(s.getOrgCode() + "/" + (s.getFiscalYear() - 1)))))
                .toList();
        return AreaRollup.newBuilder()
                .setFiscalYear(year)
                .setAreaLevel(level)
                .setAreaCode(key[1])
                .setOrgType(key.length == 3 ? OrganizationType.valueOf(key[2]) : null)
                .setOrganizations(n)
                .setMeanTotal(mean)
                .setMedianTotal(median)
                .setMinTotal(totals.get(0))
                .setMaxTotal(totals.get(n - 1))
                .setStddevTotal(variance.sqrt(MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP))
                .setIndicatorMeans(indicatorMeans)
                .setLevelCounts(levels)
                .setPassing((int) totals.stream().filter(t -> t.compareTo(methodology.passLine()) >= 0).count())
                .setWithOitAlert((int) members.stream().filter(s -> s.getItems().stream()
                        .anyMatch(item -> item.getCode().startsWith("o")
                                && item.getScore().compareTo(new BigDecimal("50.00")) <= 0)).count())
                .setMeanTotalChange(changes.isEmpty() ? null : changes.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(changes.size()), 2, RoundingMode.HALF_UP))
                .build();
    }

    private Set<String> expectedYoyKeys(Map<String, ScoreSubmission> latest) {
        return latest.values().stream()
                .filter(s -> latest.containsKey(s.getOrgCode() + "/" + (s.getFiscalYear() - 1)))
                .map(s -> s.getOrgCode() + "/" + s.getFiscalYear())
                .collect(Collectors.toSet());
    }

    private ScoreCard card(ScoreSubmission submission) {
        return methodologies.require(submission.getFiscalYear()).score(SubmissionScores.indicators(submission));
    }

    private BigDecimal total(ScoreSubmission submission) {
        return card(submission).total();
    }
}
