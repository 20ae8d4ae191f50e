package org.itapipe.ingest.parse;

import java.util.List;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.RawSubmission;

/** What a reader made of one record of its input: a submission to validate, or why it could not be read. */
public sealed interface ParsedRecord {

    /** Line of the input where the record starts (1 = first line). */
    int line();

    /** @param notes what the reader saw but could not use, for the import summary */
    record Parsed(int line, RawSubmission submission, List<String> notes) implements ParsedRecord {
        public Parsed {
            notes = List.copyOf(notes);
        }
    }

    record Unreadable(int line, List<FieldError> errors) implements ParsedRecord {
        public Unreadable {
            errors = List.copyOf(errors);
        }
    }
}
