package org.itapipe.ingest.validation;

import java.util.List;
import org.itapipe.schemas.avro.ScoreSubmission;

/** The outcome of validating one submission: a record ready to publish, or every rule it broke. */
public sealed interface Validation {

    record Valid(ScoreSubmission submission) implements Validation {
    }

    record Invalid(List<FieldError> errors) implements Validation {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
