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
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.LevelCount;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.YearOverYearChange;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.ScoreCard;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.streams.derive.Scored;
import org.junit.jupiter.api.Test;

/**
 * Property: after every input of a random sequence of submissions and revisions (late, repeated, years in any order)
 * across several districts and provinces, every rollup and year-over-year record on the output topics equals a
 * brute-force recomputation from the latest submission of each organization and year.
 */
class RollupsMatchRecomputationTest {

    private static final String[][] PLACES = {
        {"19", "1908"}, {"19", "1908"}, {"19", "1901"}, {"19", "1901"}, {"19", "1902"}, {"16", "1606"}, {"16", "1606"},
        {"16", "1601"}};
    private static final int[] YEARS = {2567, 2568};
    private static final String[] OIT = {"o5", "o12", "o23", "o25"};
    private final MethodologyCatalog methodologies = MethodologyCatalog.builtIn();

    @Test
    void everyRollupAndYearOverYearRecordEqualsARecomputationAtEveryStep() {
        for (long seed = 1; seed <= 12; seed++) {
            runSequence(new Random(seed), 120);
        }
    }

    private void runSequence(Random random, int length) {
        try (TopologyHarness harness = new TopologyHarness(methodologies)) {
            TestOutputTopic<String, AreaRollup> districts = harness.output(Topics.DISTRICT_ROLLUPS);
            TestOutputTopic<String, AreaRollup> provinces = harness.output(Topics.PROVINCE_ROLLUPS);
            TestOutputTopic<String, YearOverYearChange> yoy = harness.output(Topics.YEAR_OVER_YEAR);
            Map<String, AreaRollup> districtTable = new HashMap<>();
            Map<String, AreaRollup> provinceTable = new HashMap<>();
            Map<String, YearOverYearChange> yoyTable = new HashMap<>();
            Map<String, ScoreSubmission> latest = new HashMap<>();
            for (int step = 0; step < length; step++) {
                ScoreSubmission next = randomSubmission(random);
                harness.send(next);
                String key = next.getOrgCode() + "/" + next.getFiscalYear();
                if (!latest.containsKey(key) || latest.get(key).getRevision() < next.getRevision()) {
                    latest.put(key, next);
                }
                districts.readKeyValuesToList().forEach(kv -> districtTable.put(kv.key, kv.value));
                provinces.readKeyValuesToList().forEach(kv -> provinceTable.put(kv.key, kv.value));
                yoy.readKeyValuesToList().forEach(kv -> yoyTable.put(kv.key, kv.value));

                assertThat(districtTable).as("district rollups at step %d", step)
                        .isEqualTo(expectedRollups(latest, true));
                assertThat(provinceTable).as("province rollups at step %d", step)
                        .isEqualTo(expectedRollups(latest, false));
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
        if (year == 2568) {
            for (String code : OIT) {
                items.add(code);
                items.add(random.nextInt(4) == 0 ? "50.00" : "100.00");
            }
        }
        return submission(PLACES[org][1] + "0" + org, PLACES[org][1], PLACES[org][0], year, 1 + random.nextInt(6), indicators,
                items.toArray(String[]::new));
    }

    private Map<String, AreaRollup> expectedRollups(Map<String, ScoreSubmission> latest, boolean district) {
        Map<String, List<ScoreSubmission>> byArea = latest.values().stream().collect(Collectors.groupingBy(s ->
                s.getFiscalYear() + "/" + (district ? s.getDistrictCode() : s.getProvinceCode())));
        Map<String, AreaRollup> expected = new HashMap<>();
        byArea.forEach((area, members) -> expected.put(area, bruteForce(area, members, latest, district)));
        return expected;
    }

    /** An independent recomputation of a rollup, straight from its definition. */
    private AreaRollup bruteForce(String area, List<ScoreSubmission> members, Map<String, ScoreSubmission> latest,
                                  boolean district) {
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
                .setAreaLevel(district ? AreaLevel.DISTRICT : AreaLevel.PROVINCE)
                .setAreaCode(area.substring(area.indexOf('/') + 1))
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
