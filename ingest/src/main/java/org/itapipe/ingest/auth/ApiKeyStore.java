package org.itapipe.ingest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * API keys, stored hashed in a JSON file ({@code ingest.keys-source=file}, the default): the processes of one machine
 * share them through the file. How a key is checked: {@link KeyDirectory}.
 *
 * <p>The file is {@code {"version":1,"keys":[{"id","name","scope","sha256"[,"expiresAt"]}]}}; a file of another
 * version, or with a field this version does not know, is refused rather than half read.
 */
public final class ApiKeyStore implements KeyDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int FORMAT_VERSION = 1;
    private static final Set<String> FILE_FIELDS = Set.of("version", "keys");
    private static final Set<String> KEY_FIELDS = Set.of("id", "name", "scope", "sha256", "expiresAt");

    /** How often a store backed by a file looks whether another process changed it. */
    private static final long RELOAD_CHECK_MILLIS = 1_000;

    private final Map<String, ApiKey> byId;
    private final Path file;
    private String loadedVersion;
    private long checkedAt;

    private ApiKeyStore(Map<String, ApiKey> byId, Path file) {
        this.byId = byId;
        this.file = file;
        this.loadedVersion = version(file);
        this.checkedAt = System.currentTimeMillis();
    }

    public static ApiKeyStore empty() {
        return new ApiKeyStore(new LinkedHashMap<>(), null);
    }

    /**
     * Reads {@code {"keys":[{"id","name","scope","sha256"}]}}; a missing file is an empty store. The store follows
     * the file: a key created or revoked by {@code itapipe keys} in another process counts here within a second.
     */
    public static ApiKeyStore load(Path file) {
        return new ApiKeyStore(read(file), file);
    }

    private static Map<String, ApiKey> read(Path file) {
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return keys;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API key file " + file, e);
        }
        requireKnownFields(file, root, FILE_FIELDS, "");
        int version = root.path("version").asInt(FORMAT_VERSION);
        if (version != FORMAT_VERSION) {
            throw new IllegalStateException("the API key file " + file + " is of version " + version + "; this "
                    + "itapipe reads version " + FORMAT_VERSION);
        }
        for (JsonNode key : root.path("keys")) {
            requireKnownFields(file, key, KEY_FIELDS, "a key's ");
            Optional<Instant> expiresAt = key.hasNonNull("expiresAt")
                    ? Optional.of(Instant.parse(key.get("expiresAt").asText())) : Optional.empty();
            ApiKey apiKey = new ApiKey(key.path("id").asText(), key.path("name").asText(),
                    Scope.parse(key.path("scope").asText()), key.path("sha256").asText(), expiresAt);
            keys.put(apiKey.id(), apiKey);
        }
        return keys;
    }

    private static void requireKnownFields(Path file, JsonNode node, Set<String> known, String what) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new IllegalStateException("the API key file " + file + " has " + what + "field '" + field
                        + "' that version " + FORMAT_VERSION + " does not know (known: " + new TreeSet<>(known) + ")");
            }
        });
    }

    /** The file's modification time and size, or null when there is no file. */
    private static String version(Path file) {
        try {
            return file == null || !Files.exists(file) ? null
                    : Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }

    private synchronized void reloadIfChanged() {
        long now = System.currentTimeMillis();
        if (file == null || now - checkedAt < RELOAD_CHECK_MILLIS) {
            return;
        }
        checkedAt = now;
        String current = version(file);
        if (current != null && !current.equals(loadedVersion)) {
            Map<String, ApiKey> keys = read(file);
            byId.clear();
            byId.putAll(keys);
            loadedVersion = current;
        }
    }

    /** Removes a key; false when there is none with that id. */
    public synchronized boolean revoke(String id) {
        return byId.remove(id) != null;
    }

    /** A new key that does not expire. */
    public CreatedKey create(String name, Scope scope) {
        return create(name, scope, Optional.empty());
    }

    /** A new key, kept in this store (save it to write the file). */
    public synchronized CreatedKey create(String name, Scope scope, Optional<Instant> expiresAt) {
        CreatedKey created = CreatedKey.generate(name, scope, expiresAt);
        byId.put(created.key().id(), created.key());
        return created;
    }

    /** A key as created: {@code plainText} must be handed to its owner and then forgotten. */
    public record CreatedKey(ApiKey key, String plainText) {

        /** A new id and 32 random bytes of secret; the returned text is the only time the secret exists. */
        public static CreatedKey generate(String name, Scope scope, Optional<Instant> expiresAt) {
            byte[] idBytes = new byte[6];
            byte[] secret = new byte[32];
            RANDOM.nextBytes(idBytes);
            RANDOM.nextBytes(secret);
            String id = HexFormat.of().formatHex(idBytes);
            String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            return new CreatedKey(new ApiKey(id, name, scope, KeyDirectory.sha256(secretText), expiresAt),
                    KeyDirectory.PREFIX + id + "_" + secretText);
        }

        @Override
        public String toString() {
            return "CreatedKey[" + key + "]";
        }
    }

    @Override
    public Optional<ApiKey> find(String id) {
        reloadIfChanged();
        synchronized (this) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    @Override
    public synchronized List<ApiKey> keys() {
        return List.copyOf(byId.values());
    }

    /** Writes the store (hashes only), replacing the file atomically. */
    public synchronized void save(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode keys = root.putArray("keys");
        byId.values().forEach(key -> {
            ObjectNode entry = keys.addObject().put("id", key.id()).put("name", key.name())
                    .put("scope", key.scope().text()).put("sha256", key.secretSha256());
            key.expiresAt().ifPresent(at -> entry.put("expiresAt", at.toString()));
        });
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempFile(parent, "keys", ".json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(staging.toFile(), root);
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API key file " + file, e);
        }
    }
}
