package org.itapipe.streams.derive;

import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.ScoreCard;
import org.itapipe.schemas.methodology.SubmissionScores;

/** A submission together with its year's methodology and its score card, computed once and shared by every output. */
public record Scored(ScoreSubmission submission, Methodology methodology, ScoreCard card) {

    public static Scored of(ScoreSubmission submission, MethodologyCatalog methodologies) {
        Methodology methodology = methodologies.require(submission.getFiscalYear());
        return new Scored(submission, methodology, methodology.score(SubmissionScores.indicators(submission)));
    }

    public String orgCode() {
        return submission.getOrgCode();
    }

    public int fiscalYear() {
        return submission.getFiscalYear();
    }
}
