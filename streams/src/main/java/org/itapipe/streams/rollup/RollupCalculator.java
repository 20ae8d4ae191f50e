package org.itapipe.streams.rollup;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.LevelCount;
import org.itapipe.schemas.methodology.LevelBand;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.Scores;

/**
 * Statistics of an area, always computed afresh from its current members, so that a revision (which replaced one
 * member's summary) gives exactly what a recomputation over the latest submissions gives. Every figure is rounded
 * half up to two decimals once, from exact sums.
 */
public final class RollupCalculator {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private RollupCalculator() {
    }

    public static AreaRollup rollup(AreaLevel level, int fiscalYear, String areaCode, Collection<MemberSummary> members,
                                    Methodology methodology) {
        List<BigDecimal> totals = members.stream().map(MemberSummary::total).sorted().toList();
        int n = totals.size();
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal mean = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(count, PRECISION);
        BigDecimal variance = totals.stream().map(total -> total.subtract(mean).pow(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(count, PRECISION);

        Map<Integer, BigDecimal> indicatorSums = new TreeMap<>();
        members.forEach(member -> member.indicators().forEach((number, score) ->
                indicatorSums.merge(number, score, BigDecimal::add)));
        List<IndicatorScore> indicatorMeans = new ArrayList<>();
        indicatorSums.forEach((number, sum) -> indicatorMeans.add(new IndicatorScore(number,
                Scores.round(sum.divide(count, PRECISION)))));

        List<LevelCount> levels = new ArrayList<>();
        for (LevelBand band : methodology.levels()) {
            levels.add(new LevelCount(band.code(),
                    (int) members.stream().filter(member -> member.level().equals(band.code())).count()));
        }
        List<BigDecimal> changes = members.stream().map(MemberSummary::totalChange)
                .filter(Objects::nonNull).toList();
        BigDecimal meanChange = changes.isEmpty() ? null : Scores.round(changes.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(changes.size()), PRECISION));

        return AreaRollup.newBuilder()
                .setFiscalYear(fiscalYear)
                .setAreaLevel(level)
                .setAreaCode(areaCode)
                .setOrganizations(n)
                .setMeanTotal(Scores.round(mean))
                .setMedianTotal(median(totals))
                .setMinTotal(totals.get(0))
                .setMaxTotal(totals.get(n - 1))
                .setStddevTotal(Scores.round(variance.sqrt(PRECISION)))
                .setIndicatorMeans(indicatorMeans)
                .setLevelCounts(levels)
                .setPassing((int) members.stream().filter(MemberSummary::passing).count())
                .setWithOitAlert((int) members.stream().filter(MemberSummary::oitAlert).count())
                .setMeanTotalChange(meanChange)
                .build();
    }

    private static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }
}
