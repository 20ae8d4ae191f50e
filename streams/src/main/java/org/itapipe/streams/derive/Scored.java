package org.itapipe.streams.derive;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.ScoreCard;

/** A submission together with its year's methodology and its score card, computed once and shared by every output. */
public record Scored(ScoreSubmission submission, Methodology methodology, ScoreCard card) {

    public static Scored of(ScoreSubmission submission, MethodologyCatalog methodologies) {
        Methodology methodology = methodologies.require(submission.getFiscalYear());
        return new Scored(submission, methodology, methodology.score(indicatorScores(submission)));
    }

    public static Map<Integer, BigDecimal> indicatorScores(ScoreSubmission submission) {
        Map<Integer, BigDecimal> scores = new LinkedHashMap<>();
        for (IndicatorScore score : submission.getIndicators()) {
            scores.put(score.getIndicator(), score.getScore());
        }
        return scores;
    }

    public static Map<String, BigDecimal> itemScores(ScoreSubmission submission) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (ItemScore score : submission.getItems()) {
            scores.put(score.getCode(), score.getScore());
        }
        return scores;
    }

    public String orgCode() {
        return submission.getOrgCode();
    }

    public int fiscalYear() {
        return submission.getFiscalYear();
    }
}
