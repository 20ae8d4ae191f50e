package org.itapipe.ingest.auth;

/** A stored API key: only the SHA-256 of its secret part is kept, never the key itself. */
public record ApiKey(String id, String name, Scope scope, String secretSha256) {

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", scope=" + scope.text() + "]";
    }
}
