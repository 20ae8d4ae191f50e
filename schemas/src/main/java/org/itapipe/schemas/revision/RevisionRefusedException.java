package org.itapipe.schemas.revision;

/** A submission refused by the revision rule; the message is {@link RevisionVerdict#explain}'s line. */
public final class RevisionRefusedException extends RuntimeException {

    private final RevisionVerdict verdict;
    private final long currentRevision;

    public RevisionRefusedException(RevisionVerdict verdict, String message, long currentRevision) {
        super(message, null, false, false);
        this.verdict = verdict;
        this.currentRevision = currentRevision;
    }

    public RevisionVerdict verdict() {
        return verdict;
    }

    /** The revision that stays the latest. */
    public long currentRevision() {
        return currentRevision;
    }
}
