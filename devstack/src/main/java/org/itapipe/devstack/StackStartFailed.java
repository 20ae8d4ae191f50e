package org.itapipe.devstack;

/** A part of the embedded stack did not become ready; the message names the part and ends with its log tail. */
public class StackStartFailed extends RuntimeException {

    public StackStartFailed(String message) {
        super(message);
    }

    public StackStartFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
