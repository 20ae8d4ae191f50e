package org.itapipe.sink.schema;

/** The database schema cannot be brought up to date; the message says which migration and why. */
public class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
