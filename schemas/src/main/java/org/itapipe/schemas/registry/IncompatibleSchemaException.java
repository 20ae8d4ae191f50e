package org.itapipe.schemas.registry;

/** 409: the registry refused a schema as incompatible with the subject's compatibility setting. */
public final class IncompatibleSchemaException extends RegistryException {

    IncompatibleSchemaException(String message) {
        super(message, 409, null);
    }
}
