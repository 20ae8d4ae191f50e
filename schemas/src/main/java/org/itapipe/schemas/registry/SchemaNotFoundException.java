package org.itapipe.schemas.registry;

/** 404: no such subject, version or schema id. */
public final class SchemaNotFoundException extends RegistryException {

    SchemaNotFoundException(String message) {
        super(message, 404, null);
    }
}
