package org.itapipe.schemas.registry;

/** 401 or 403: missing or wrong credentials (registry.user / registry.password), or no permission. */
public final class RegistryAccessDeniedException extends RegistryException {

    RegistryAccessDeniedException(String message, int status) {
        super(message, status, null);
    }
}
