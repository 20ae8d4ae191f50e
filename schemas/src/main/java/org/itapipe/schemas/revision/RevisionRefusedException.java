package org.itapipe.schemas.revision;

/**
 * A submission refused by the revision rule; the message is {@link RevisionVerdict#explain}'s line, and the class
 * name is what a dead letter's {@code errorClass} shows.
 */
public final class RevisionRefusedException extends RuntimeException {

    public RevisionRefusedException(String message) {
        super(message, null, false, false);
    }
}
