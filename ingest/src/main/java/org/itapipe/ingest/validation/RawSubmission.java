package org.itapipe.ingest.validation;

import java.util.List;
import org.itapipe.schemas.avro.Flag;
import org.itapipe.schemas.avro.SubmissionSource;

/**
 * A submission as an input gave it, before any rule was checked: every value still text (Thai digits allowed), so
 * that the one {@link SubmissionValidator} can name the field and the rule for every problem, whatever the input.
 *
 * @param indicators      indicator number (as written) and score, in input order; a number may repeat (an error)
 * @param items           item scores, in input order
 * @param parserFlags     inconsistencies the reader itself noticed (e.g. a place name resolved through an alias)
 */
public record RawSubmission(String orgCode, String orgNameTh, String fiscalYear, String revision,
                            List<RawScore> indicators, List<RawItem> items, String reportedTotal,
                            String reportedLevel, SubmissionSource source, String sourceReference,
                            List<Flag> parserFlags) {

    public RawSubmission {
        indicators = List.copyOf(indicators);
        items = List.copyOf(items);
        parserFlags = List.copyOf(parserFlags);
    }

    /** An indicator number and its score, as written. */
    public record RawScore(String key, String score) {
    }

    /**
     * An item score as written; {@code statedIndicator} is the indicator the input listed it under, when it did
     * (a report's indicator table does), so that an item filed under the wrong indicator is caught.
     */
    public record RawItem(String code, String statedIndicator, String score) {
    }
}
