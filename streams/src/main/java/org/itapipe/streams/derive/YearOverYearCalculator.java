package org.itapipe.streams.derive;

import org.itapipe.schemas.methodology.SubmissionScores;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.itapipe.schemas.avro.DroppedItem;
import org.itapipe.schemas.avro.IndicatorDelta;
import org.itapipe.schemas.avro.LevelChange;
import org.itapipe.schemas.avro.YearOverYearChange;

/**
 * How an organization moved from one fiscal year to the next. Level bands differ between years (AA..F before 2568,
 * Thai words since), so a level change compares the bands' lower bounds: UP when the new band starts higher. Items
 * are compared only through the later year's explicit item mapping.
 */
public final class YearOverYearCalculator {

    private YearOverYearCalculator() {
    }

    public static YearOverYearChange change(Scored current, Scored previous) {
        List<IndicatorDelta> deltas = new ArrayList<>();
        current.card().indicatorScores().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            BigDecimal before = previous.card().indicatorScores().get(entry.getKey());
            deltas.add(new IndicatorDelta(entry.getKey(), entry.getValue(), before, entry.getValue().subtract(before)));
        });
        return YearOverYearChange.newBuilder()
                .setOrgCode(current.orgCode())
                .setDistrictCode(current.submission().getDistrictCode())
                .setProvinceCode(current.submission().getProvinceCode())
                .setFiscalYear(current.fiscalYear())
                .setPreviousFiscalYear(previous.fiscalYear())
                .setTotal(current.card().total())
                .setPreviousTotal(previous.card().total())
                .setTotalDelta(current.card().total().subtract(previous.card().total()))
                .setLevel(current.card().level().code())
                .setPreviousLevel(previous.card().level().code())
                .setLevelChange(levelChange(current, previous))
                .setIndicatorDeltas(deltas)
                .setDroppedItems(droppedItems(current, previous))
                .build();
    }

    /** Levels compare only where both years use the same bands; otherwise the score delta speaks. */
    private static LevelChange levelChange(Scored current, Scored previous) {
        if (!current.methodology().hasBandsOf(previous.methodology())) {
            return LevelChange.NOT_COMPARABLE;
        }
        int compared = current.card().level().minScore().compareTo(previous.card().level().minScore());
        return compared > 0 ? LevelChange.UP : compared < 0 ? LevelChange.DOWN : LevelChange.SAME;
    }

    private static List<DroppedItem> droppedItems(Scored current, Scored previous) {
        Map<String, BigDecimal> now = SubmissionScores.items(current.submission());
        Map<String, BigDecimal> before = SubmissionScores.items(previous.submission());
        List<DroppedItem> dropped = new ArrayList<>();
        current.methodology().previousYearItemMapping().forEach((previousCode, code) -> {
            BigDecimal score = now.get(code);
            BigDecimal previousScore = before.get(previousCode);
            if (score != null && previousScore != null && score.compareTo(previousScore) < 0) {
                dropped.add(new DroppedItem(code, previousCode, score, previousScore));
            }
        });
        dropped.sort(Comparator.comparing(DroppedItem::getCode));
        return dropped;
    }
}
