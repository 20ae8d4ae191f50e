package org.itapipe.schemas.registry;

/** Any other 4xx, for example 422 for a schema the registry cannot parse. */
public final class RegistryRequestException extends RegistryException {

    RegistryRequestException(String message, int status) {
        super(message, status, null);
    }
}
