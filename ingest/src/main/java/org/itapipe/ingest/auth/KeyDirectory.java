package org.itapipe.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where the ingest API finds its keys: a file shared by the processes of one machine ({@link ApiKeyStore}) or the
 * compacted topic every ingest instance follows ({@link SharedApiKeys}). How a key is checked is the same for both:
 * a key reads {@code ita_<id>_<secret>}; the id finds the entry, and the secret (32 random bytes) is compared by its
 * SHA-256 in constant time. With that much entropy a plain SHA-256 is as strong as a slow hash, and it keeps every
 * request cheap.
 */
public interface KeyDirectory extends AutoCloseable {

    String PREFIX = "ita_";

    /** The key with this id, if the directory knows it now. */
    Optional<ApiKey> find(String id);

    /** Every key the directory knows now. */
    List<ApiKey> keys();

    /** Whether {@code presented} is a key of this directory that is valid at {@code now}. */
    default Authentication authenticate(String presented, Instant now) {
        if (presented == null || presented.isEmpty()) {
            return new Authentication.Refused(Optional.empty(), "no API key was sent");
        }
        String[] parts = presented.startsWith(PREFIX) ? presented.substring(PREFIX.length()).split("_", 2)
                : new String[0];
        if (parts.length != 2) {
            return new Authentication.Refused(Optional.empty(), "not an itapipe API key (ita_<id>_<secret>)");
        }
        String id = parts[0];
        Optional<ApiKey> key = find(id);
        // An unknown id is hashed and refused like a wrong secret: the answer does not tell which ids exist.
        String expected = key.map(ApiKey::secretSha256).orElse(sha256(""));
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                sha256(parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (key.isEmpty() || !matches) {
            return new Authentication.Refused(Optional.of(id), "unknown key or wrong secret");
        }
        if (key.get().expiredAt(now)) {
            return new Authentication.Refused(Optional.of(id), "the key expired at " + key.get().expiresAt().get()
                    + "; ask for a new one");
        }
        return new Authentication.Accepted(key.get());
    }

    /** Stops following the keys' source, if the directory follows one. */
    @Override
    default void close() {
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
