package org.itapipe.schemas.methodology;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.ScoreSubmission;

/** A submission's scores as maps, the form the scoring API takes. */
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
}
