package org.itapipe.devstack;

/** Something the embedded stack needs is not on this machine; the message says what to install or configure. */
public class PrerequisiteMissing extends RuntimeException {

    public PrerequisiteMissing(String message) {
        super(message);
    }

    public PrerequisiteMissing(String message, Throwable cause) {
        super(message, cause);
    }
}
