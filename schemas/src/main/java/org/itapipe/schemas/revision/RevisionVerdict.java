package org.itapipe.schemas.revision;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.topics.Topics;

/**
 * The one rule for a submission that arrives for an organization and year (docs/revisions.md). Streams applies it
 * to decide the latest revision, which it alone publishes; ingest applies it to answer 409 where it already knows
 * the current revision. Content is everything but the envelope (submission id, acceptance time, source and source
 * reference): the same file imported twice is a duplicate, not a conflict.
 */
public enum RevisionVerdict {
    /** The first submission of its organization and year, or a higher revision: it becomes the latest. */
    NEWER(null),
    /** The current revision again with the same content: changes nothing. */
    DUPLICATE(null),
    /** The current revision again with different content: refused, the current one stays. */
    CONFLICT("revision-conflict"),
    /** A revision below the current one: refused, the current one stays. */
    STALE("stale-revision");

    private final String rule;

    RevisionVerdict(String rule) {
        this.rule = rule;
    }

    /** The verdict on {@code incoming} against the current revision of its organization and year, if any. */
    public static RevisionVerdict of(ScoreSubmission incoming, Optional<CurrentRevision> current) {
        return current.map(c -> decide(incoming, c.revision(), () -> c.sameContentAs(incoming))).orElse(NEWER);
    }

    /**
     * The same verdict against the current submission itself (streams' store): its content digest is taken only
     * when the revisions are equal, the one case that compares content.
     */
    public static RevisionVerdict ofStored(ScoreSubmission incoming, Optional<ScoreSubmission> current) {
        return current.map(c -> decide(incoming, c.getRevision(), () -> CurrentRevision.of(c).sameContentAs(incoming)))
                .orElse(NEWER);
    }

    private static RevisionVerdict decide(ScoreSubmission incoming, long current, BooleanSupplier sameContent) {
        if (incoming.getRevision() > current) {
            return NEWER;
        }
        if (incoming.getRevision() < current) {
            return STALE;
        }
        return sameContent.getAsBoolean() ? DUPLICATE : CONFLICT;
    }

    /** The documented rule a refused submission breaks ({@code revision-conflict}, {@code stale-revision}). */
    public Optional<String> rule() {
        return Optional.ofNullable(rule);
    }

    public boolean refused() {
        return rule != null;
    }

    /** The field the rule is about. */
    public static final String FIELD = "revision";

    /** For the submitter: what is wrong and what to send instead (a refused verdict only). */
    public String message(ScoreSubmission incoming, long currentRevision) {
        String orgYear = Topics.orgYearKey(incoming.getOrgCode(), incoming.getFiscalYear());
        String instead = "; send a correction as revision " + (currentRevision + 1) + " or higher";
        if (this == CONFLICT) {
            return "revision " + incoming.getRevision() + " of " + orgYear + " already holds different scores"
                    + instead;
        }
        if (this == STALE) {
            return "revision " + incoming.getRevision() + " of " + orgYear + " is below the current revision "
                    + currentRevision + instead;
        }
        throw new IllegalStateException(this + " is not a refusal");
    }

    /** One line for the dead letters: the field, the rule and the message. */
    public String explain(ScoreSubmission incoming, long currentRevision) {
        return FIELD + ": " + rule + ": " + message(incoming, currentRevision);
    }

    /** The refusal to raise for {@code incoming} against the current revision; only for a refused verdict. */
    public RevisionRefusedException refusal(ScoreSubmission incoming, long currentRevision) {
        return new RevisionRefusedException(explain(incoming, currentRevision));
    }

    /**
     * What two submissions must share to be one: not the envelope, nor the card, which follows from the scores. A
     * shallow copy, only ever encoded: a builder would deep-copy every item score, and ingest's follower takes the
     * content of every latest revision it reads.
     */
    static ScoreSubmission content(ScoreSubmission submission) {
        ScoreSubmission content = new ScoreSubmission();
        for (int field = 0; field < ScoreSubmission.SCHEMA$.getFields().size(); field++) {
            content.put(field, submission.get(field));
        }
        content.setSubmissionId("");
        content.setSubmittedAt(Instant.EPOCH);
        content.setSource(SubmissionSource.OTHER);
        content.setSourceReference(null);
        content.setCard(null);
        return content;
    }
}
