package org.itapipe.ingest.importer;

import java.util.List;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.schemas.avro.ScoreSubmission;

/** What happened to one record of an import. */
public sealed interface RecordResult {

    String source();

    int line();

    /** Valid (and, unless a dry run, published or dead-lettered); {@code notes} = what the reader could not use. */
    record Accepted(String source, int line, ScoreSubmission submission, List<String> notes, String deadLetterReason)
            implements RecordResult {

        public boolean flagged() {
            return !submission.getFlags().isEmpty();
        }
    }

    record Rejected(String source, int line, List<FieldError> errors) implements RecordResult {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
