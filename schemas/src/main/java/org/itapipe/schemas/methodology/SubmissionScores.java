package org.itapipe.schemas.methodology;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.itapipe.schemas.avro.ComputedScores;
import org.itapipe.schemas.avro.IndicatorPoints;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.ToolScore;

/**
 * A submission's scores as maps, the form the scoring API takes, and its score card: scored once, by the validator
 * that accepted it, and carried in the record ({@code card}); every reader takes it from there.
 */
public final class SubmissionScores {

    private SubmissionScores() {
    }

    /** Indicator number -> score. */
    public static Map<Integer, BigDecimal> indicators(ScoreSubmission submission) {
        Map<Integer, BigDecimal> scores = new LinkedHashMap<>();
        for (IndicatorScore score : submission.getIndicators()) {
            scores.put(score.getIndicator(), score.getScore());
        }
        return scores;
    }

    /** Item code -> score. */
    public static Map<String, BigDecimal> items(ScoreSubmission submission) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (ItemScore score : submission.getItems()) {
            scores.put(score.getCode(), score.getScore());
        }
        return scores;
    }

    /**
     * The submission's score card, as the record carries it; a record written before records carried one (its
     * {@code card} is null) is scored here, once per read.
     */
    public static ScoreCard card(ScoreSubmission submission, Methodology methodology) {
        ComputedScores computed = submission.getCard();
        if (computed == null) {
            return methodology.score(indicators(submission));
        }
        Map<String, BigDecimal> tools = new LinkedHashMap<>();
        computed.getToolScores().forEach(tool -> tools.put(tool.getTool(), tool.getScore()));
        Map<Integer, BigDecimal> recoverable = new TreeMap<>();
        computed.getRecoverable().forEach(points -> recoverable.put(points.getIndicator(), points.getPoints()));
        LevelBand level = methodology.level(computed.getLevel());
        return new ScoreCard(methodology.fiscalYear(), Map.copyOf(indicators(submission)),
                Collections.unmodifiableMap(tools), computed.getTotal(), level, methodology.levelAbove(level),
                Map.copyOf(recoverable));
    }

    /** The card as a record carries it. */
    public static ComputedScores computed(ScoreCard card) {
        return ComputedScores.newBuilder()
                .setToolScores(card.toolScores().entrySet().stream()
                        .map(tool -> new ToolScore(tool.getKey(), tool.getValue())).toList())
                .setTotal(card.total())
                .setLevel(card.level().code())
                .setPassing(card.level().passing())
                .setRecoverable(new TreeMap<>(card.recoverable()).entrySet().stream()
                        .map(points -> new IndicatorPoints(points.getKey(), points.getValue())).toList())
                .build();
    }
}
