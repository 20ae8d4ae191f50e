package org.itapipe.schemas.registry;

/** The registry could not be reached, or kept answering 5xx, through every retry. */
public final class RegistryUnavailableException extends RegistryException {

    RegistryUnavailableException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }
}
