package org.itapipe.ingest.importer;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an import: every record's result, in input order, and how long reading every record took, then
 * validating and publishing them (the two overlap: a chunk is sent while the next is validated; until every record
 * was acknowledged).
 */
public record ImportSummary(List<RecordResult> results, boolean dryRun, Duration reading, Duration processing) {

    public ImportSummary {
        results = List.copyOf(results);
    }

    public long accepted() {
        return results.stream().filter(RecordResult.Accepted.class::isInstance).count();
    }

    public long rejected() {
        return results.stream().filter(RecordResult.Rejected.class::isInstance).count();
    }

    public long flagged() {
        return results.stream().filter(r -> r instanceof RecordResult.Accepted a && a.flagged()).count();
    }

    public long deadLettered() {
        return results.stream().filter(r -> r instanceof RecordResult.Accepted a && a.deadLetterReason() != null)
                .count();
    }

    public List<RecordResult.Rejected> rejections() {
        return results.stream().filter(RecordResult.Rejected.class::isInstance).map(RecordResult.Rejected.class::cast)
                .toList();
    }
}
