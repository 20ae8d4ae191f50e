package org.itapipe.streams.derive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.itapipe.schemas.avro.IndicatorGap;
import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.ItemGap;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.methodology.LevelBand;
import org.itapipe.schemas.methodology.Scores;

/**
 * Where an organization can gain: per indicator the gap to 100 and the points of total it would add (the ten add up
 * to 100 - total, see ScoreCard), ranked, plus every item below 100 and the gap to the next level band.
 */
public final class GapsCalculator {

    private GapsCalculator() {
    }

    public static IndicatorGaps gaps(Scored scored) {
        Map<Integer, BigDecimal> recoverable = scored.card().recoverable();
        List<Integer> ranking = recoverable.keySet().stream()
                .sorted(Comparator.comparing((Integer number) -> recoverable.get(number)).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<IndicatorGap> indicators = new ArrayList<>();
        scored.card().indicatorScores().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                indicators.add(new IndicatorGap(entry.getKey(), entry.getValue(), Scores.MAX.subtract(entry.getValue()),
                        scored.methodology().weightInTotal(entry.getKey()).setScale(4, RoundingMode.HALF_UP),
                        recoverable.get(entry.getKey()), ranking.indexOf(entry.getKey()) + 1)));
        List<ItemGap> items = new ArrayList<>();
        for (ItemScore item : scored.submission().getItems()) {
            if (item.getScore().compareTo(Scores.MAX) < 0) {
                int indicator = scored.methodology().indicatorOfItem(item.getCode()).orElseThrow().number();
                items.add(new ItemGap(item.getCode(), indicator, item.getScore(), Scores.MAX.subtract(item.getScore())));
            }
        }
        return IndicatorGaps.newBuilder()
                .setOrgCode(scored.orgCode())
                .setFiscalYear(scored.fiscalYear())
                .setRevision(scored.submission().getRevision())
                .setTotal(scored.card().total())
                .setLevel(scored.card().level().code())
                .setNextLevel(scored.card().nextLevel().map(LevelBand::code).orElse(null))
                .setGapToNextLevel(scored.card().gapToNextLevel().orElse(null))
                .setIndicators(indicators)
                .setItemGaps(items)
                .build();
    }
}
