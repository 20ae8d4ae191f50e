package org.itapipe.ingest.http;

import java.util.List;
import org.itapipe.ingest.validation.FieldError;

/** The JSON body of every error answer: a sentence, and for 400 every broken rule with its field path. */
public record ApiError(String error, List<FieldError> errors) {

    public static ApiError of(String message) {
        return new ApiError(message, List.of());
    }
}
