package org.itapipe.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where every setting of every service comes from: a properties file, overridden by environment variables.
 *
 * <p>A key {@code registry.url} is read from the environment as {@code ITAPIPE_REGISTRY_URL}: the key upper-cased,
 * dots and dashes turned into underscores, with the {@code ITAPIPE_} prefix. The environment wins so that one file
 * can serve several deployments and secrets can stay out of files.
 */
public final class ConfigSource {

    private static final String ENV_PREFIX = "ITAPIPE_";

    private final Map<String, String> file;
    private final Map<String, String> env;
    private final Map<String, String> defaults;

    private ConfigSource(Map<String, String> file, Map<String, String> env, Map<String, String> defaults) {
        this.file = Map.copyOf(file);
        this.env = Map.copyOf(env);
        this.defaults = Map.copyOf(defaults);
    }

    /** Settings from {@code file} (may be null: environment only) and the given environment. */
    public static ConfigSource load(Path file, Map<String, String> env) {
        return new ConfigSource(file == null ? Map.of() : read(file), env, Map.of());
    }

    public static ConfigSource of(Map<String, String> fileEntries, Map<String, String> env) {
        return new ConfigSource(fileEntries, env, Map.of());
    }

    /** The same settings, falling back to {@code fallbacks} for keys neither the environment nor the file sets. */
    public ConfigSource withDefaults(Map<String, String> fallbacks) {
        return new ConfigSource(file, env, fallbacks);
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> get(String key) {
        String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
            return Optional.of(fromEnv);
        }
        return Optional.ofNullable(file.get(key)).or(() -> Optional.ofNullable(defaults.get(key)));
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public String require(String key) {
        return get(key).filter(value -> !value.isBlank()).orElseThrow(() -> new ConfigException(
                key + " is required: set it in the config file or in the environment variable " + envName(key)));
    }

    /**
     * Every setting whose key starts with {@code prefix}, with the prefix removed. Environment variables take part
     * only for keys the file names, because an environment variable name cannot be mapped back to a dotted key.
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new TreeMap<>();
        file.keySet().stream()
                .filter(key -> key.startsWith(prefix))
                .forEach(key -> result.put(key.substring(prefix.length()), get(key).orElseThrow()));
        return result;
    }

    private static Map<String, String> read(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name).trim()));
        return entries;
    }
}
