package org.itapipe.ingest.revision;

import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.itapipe.config.KafkaSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.revision.CurrentRevision;
import org.itapipe.schemas.revision.RevisionVerdict;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.TableFollower;

/**
 * What ingest knows of the latest revision of each organization and year: it follows {@code
 * ita.latest-submissions.v1}, which streams alone writes (a {@link TableFollower}), so that the API can refuse a
 * stale or conflicting revision at the door (409) by the same rule streams applies. What this follower has not read
 * yet, streams refuses into the dead letters (docs/revisions.md): the door is a courtesy, streams the owner.
 */
public final class LatestRevisions implements BulkImport.Admission, AutoCloseable {

    private final TableFollower<CurrentRevision> latest;

    private LatestRevisions(TableFollower<CurrentRevision> latest) {
        this.latest = latest;
    }

    /**
     * Starts following the topic; reads committed records only (streams writes it in transactions). It keeps each
     * latest revision's number and content digest, not the submission: the whole country's fit in a few MiB.
     */
    public static LatestRevisions follow(KafkaSettings kafka, TopicSerdes serdes) {
        Deserializer<ScoreSubmission> submissions = serdes.value(Topics.LATEST_SUBMISSIONS).deserializer();
        Deserializer<CurrentRevision> current = (topic, bytes) -> bytes == null ? null
                : CurrentRevision.of(submissions.deserialize(topic, bytes));
        return new LatestRevisions(TableFollower.start(kafka, Topics.LATEST_SUBMISSIONS.name(), current,
                "itapipe-ingest-latest-revisions"));
    }

    /** The revision rule's refusal, as a field error ({@code revision}, {@code stale-revision} / {@code revision-conflict}). */
    @Override
    public Optional<FieldError> check(ScoreSubmission submission) {
        Optional<CurrentRevision> current = latest.get(
                Topics.orgYearKey(submission.getOrgCode(), submission.getFiscalYear()));
        RevisionVerdict verdict = RevisionVerdict.of(submission, current);
        if (!verdict.refused()) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(RevisionVerdict.FIELD, verdict.rule().orElseThrow(),
                verdict.message(submission, current.get().revision())));
    }

    @Override
    public void close() {
        latest.close();
    }
}
