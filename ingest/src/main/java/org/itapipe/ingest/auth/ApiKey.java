package org.itapipe.ingest.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored API key: only the SHA-256 of its secret part is kept, never the key itself. A key with {@code expiresAt}
 * is refused from that instant on.
 */
public record ApiKey(String id, String name, Scope scope, String secretSha256, Optional<Instant> expiresAt) {

    public boolean expiredAt(Instant now) {
        return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", scope=" + scope.text()
                + expiresAt.map(at -> ", expires=" + at).orElse("") + "]";
    }
}
