package org.itapipe.schemas.methodology;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of scoring ten indicator scores with a year's methodology.
 *
 * <p>Tool score = mean of its indicators; total = sum of tool weight times tool score, computed exactly and rounded
 * half up to two decimals once. Points recoverable per indicator = its weight in the total times (100 - score),
 * apportioned to cents by {@link PointsApportionment} so that the ten add up to exactly 100 - total.
 *
 * @param toolScores  tool code -> mean of its indicators, two decimals, in the methodology's order of tools
 * @param recoverable indicator number -> points of total it could add by reaching 100
 */
public record ScoreCard(int fiscalYear, Map<Integer, BigDecimal> indicatorScores, Map<String, BigDecimal> toolScores,
                        BigDecimal total, LevelBand level, Optional<LevelBand> nextLevel,
                        Map<Integer, BigDecimal> recoverable) {

    static ScoreCard compute(Methodology methodology, Map<Integer, BigDecimal> indicatorScores) {
        Map<Integer, BigDecimal> scores = new TreeMap<>();
        for (Indicator indicator : methodology.indicators()) {
            BigDecimal score = indicatorScores.get(indicator.number());
            if (score == null) {
                throw new IllegalArgumentException("indicator " + indicator.number() + " has no score");
            }
            scores.put(indicator.number(), Scores.exact(score));
        }
        if (indicatorScores.size() != scores.size()) {
            throw new IllegalArgumentException("FY " + methodology.fiscalYear() + " has indicators "
                    + scores.keySet() + ", got " + indicatorScores.keySet());
        }

        Map<String, BigDecimal> toolScores = new LinkedHashMap<>();
        BigDecimal exactTotal = BigDecimal.ZERO;
        for (Tool tool : methodology.tools()) {
            BigDecimal sum = methodology.indicatorsOf(tool).stream().map(indicator -> scores.get(indicator.number()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal mean = sum.divide(BigDecimal.valueOf(methodology.indicatorsOf(tool).size()),
                    Methodology.PRECISION);
            toolScores.put(tool.code(), Scores.round(mean));
            exactTotal = exactTotal.add(tool.weight().multiply(mean, Methodology.PRECISION));
        }
        BigDecimal total = Scores.round(exactTotal);

        Map<Integer, BigDecimal> exactRecoverable = new TreeMap<>();
        scores.forEach((number, score) -> exactRecoverable.put(number,
                methodology.weightInTotal(number).multiply(Scores.MAX.subtract(score), Methodology.PRECISION)));
        Map<Integer, BigDecimal> recoverable =
                PointsApportionment.toCents(exactRecoverable, Scores.MAX.subtract(total));

        LevelBand level = methodology.levelOf(total);
        return new ScoreCard(methodology.fiscalYear(), Map.copyOf(scores), Collections.unmodifiableMap(toolScores),
                total, level, methodology.levelAbove(level), Map.copyOf(recoverable));
    }

    /** Points of total missing to reach the next band; empty at the top band. */
    public Optional<BigDecimal> gapToNextLevel() {
        return nextLevel.map(next -> next.minScore().subtract(total));
    }
}
