package org.itapipe.schemas.registry;

/**
 * The registry could not be reached, or kept answering 5xx, through every retry. A transient fault of the stack, not
 * of the record being encoded or decoded: such a record is retried later, never dead-lettered.
 */
public final class RegistryUnavailableException extends RegistryException {

    RegistryUnavailableException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }

    /** Whether {@code error} happened because the registry was unavailable (it or one of its causes is this). */
    public static boolean isCauseOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
