package org.itapipe.ingest.auth;

import java.util.Optional;

/** What a presented API key turned out to be. */
public sealed interface Authentication {

    /** The key is known, its secret matches and it has not expired. */
    record Accepted(ApiKey key) implements Authentication {
    }

    /**
     * The request is refused: {@code reason} is safe to tell the caller and to log (it never holds the secret, and
     * an unknown id reads like a wrong secret, so that ids cannot be probed); {@code keyId} is the id a well-formed
     * key named, for the audit line.
     */
    record Refused(Optional<String> keyId, String reason) implements Authentication {
    }

    /** The key, if it was accepted. */
    default Optional<ApiKey> acceptedKey() {
        return this instanceof Accepted accepted ? Optional.of(accepted.key()) : Optional.empty();
    }
}
