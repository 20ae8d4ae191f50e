package org.itapipe.schemas.registry;

/**
 * A schema registry request failed. The subtypes say why, so callers can react: an incompatible schema is a
 * deployment error, a missing schema a configuration error, an unavailable registry a reason to retry later.
 */
public abstract sealed class RegistryException extends RuntimeException
        permits IncompatibleSchemaException, SchemaNotFoundException, RegistryAccessDeniedException,
                RegistryUnavailableException, RegistryRequestException {

    private final int status;

    RegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status of the registry's answer; 0 when none arrived. */
    public int status() {
        return status;
    }
}
