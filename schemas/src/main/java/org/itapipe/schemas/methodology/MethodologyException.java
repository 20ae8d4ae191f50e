package org.itapipe.schemas.methodology;

import java.util.List;

/** A methodology file is missing, unreadable or breaks a rule; the message lists every problem with its path. */
public class MethodologyException extends RuntimeException {

    public MethodologyException(String message) {
        super(message);
    }

    public MethodologyException(String message, Throwable cause) {
        super(message, cause);
    }

    static MethodologyException of(String source, List<String> problems) {
        return new MethodologyException(source + " is invalid:\n  - " + String.join("\n  - ", problems));
    }
}
