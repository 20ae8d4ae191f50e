package org.itapipe.streams.derive;

import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.ScoreCard;
import org.itapipe.schemas.methodology.SubmissionScores;

/**
 * A submission together with its year's methodology and its score card: the card the validator put in the record
 * (scored once, in ingest), shared by every output.
 */
public record Scored(ScoreSubmission submission, Methodology methodology, ScoreCard card) {

    public static Scored of(ScoreSubmission submission, MethodologyCatalog methodologies) {
        Methodology methodology = methodologies.require(submission.getFiscalYear());
        return new Scored(submission, methodology, SubmissionScores.card(submission, methodology));
    }

    public String orgCode() {
        return submission.getOrgCode();
    }

    public int fiscalYear() {
        return submission.getFiscalYear();
    }
}
