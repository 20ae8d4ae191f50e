package org.itapipe.streams.rollup;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.LevelCount;
import org.itapipe.schemas.methodology.LevelBand;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.Scores;

/**
 * An area's rollup from its running sums. The sums are exact, so every statistic equals a recomputation over the
 * current members; each is rounded half up to two decimals once, a mean from its exact quotient. Standard deviation
 * is the population one, sqrt(E[x^2] - E[x]^2), taken in 34 significant digits.
 */
public final class RollupCalculator {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private RollupCalculator() {
    }

    public static AreaRollup rollup(Area area, AreaStats stats, Methodology methodology) {
        BigDecimal count = BigDecimal.valueOf(stats.count());
        BigDecimal mean = stats.sumTotal().divide(count, PRECISION);
        BigDecimal variance = stats.sumSquares().divide(count, PRECISION).subtract(mean.multiply(mean, PRECISION))
                .max(BigDecimal.ZERO);
        List<IndicatorScore> indicatorMeans = new ArrayList<>();
        stats.indicatorSumCents().keySet().forEach(number -> indicatorMeans.add(new IndicatorScore(number,
                Scores.mean(stats.indicatorSum(number), stats.count()))));
        List<LevelCount> levels = new ArrayList<>();
        for (LevelBand band : methodology.levels()) {
            levels.add(new LevelCount(band.code(), stats.levelCounts().getOrDefault(band.code(), 0)));
        }
        int n = stats.count();
        return AreaRollup.newBuilder()
                .setFiscalYear(area.fiscalYear())
                .setAreaLevel(area.level())
                .setAreaCode(area.code())
                .setOrgType(area.orgType())
                .setOrganizations(stats.count())
                .setMeanTotal(Scores.mean(stats.sumTotal(), n))
                .setMedianTotal(n % 2 == 1 ? stats.sortedTotal(n / 2)
                        : Scores.mean(stats.sortedTotal(n / 2 - 1).add(stats.sortedTotal(n / 2)), 2))
                .setMinTotal(stats.sortedTotal(0))
                .setMaxTotal(stats.sortedTotal(n - 1))
                .setStddevTotal(Scores.round(variance.sqrt(PRECISION)))
                .setIndicatorMeans(indicatorMeans)
                .setLevelCounts(levels)
                .setPassing(stats.passing())
                .setWithOitAlert(stats.withOitAlert())
                .setMeanTotalChange(stats.changes() == 0 ? null
                        : Scores.mean(stats.sumChange(), stats.changes()))
                .build();
    }
}
