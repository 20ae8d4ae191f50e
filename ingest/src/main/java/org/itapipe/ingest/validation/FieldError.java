package org.itapipe.ingest.validation;

/**
 * One broken rule: the path of the field ({@code indicators[9]}, {@code items[o5]}, {@code fiscalYear}), the rule's
 * name (stable, for machines) and a message for people.
 */
public record FieldError(String field, String rule, String message) {

    @Override
    public String toString() {
        return field + ": " + message + " [" + rule + "]";
    }
}
