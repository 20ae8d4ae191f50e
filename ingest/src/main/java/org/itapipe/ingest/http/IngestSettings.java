package org.itapipe.ingest.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.itapipe.config.ConfigException;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.TlsSettings;

/**
 * Settings of the ingest HTTP service ({@code ingest.*} keys, or {@code ITAPIPE_INGEST_*} variables).
 *
 * @param maxRequestBytes larger bodies get 413
 * @param ratePerSecond   sustained requests per second per API key; {@code rateBurst} at once
 * @param publishTimeout  how long to wait for Kafka before answering 503
 * @param keysSource      where the API keys live: {@code ingest.keys-source}, {@code file} (default) or {@code kafka}
 * @param tls             HTTPS instead of HTTP ({@code ingest.tls.*}, {@link TlsSettings})
 */
public record IngestSettings(HttpEndpoint http, long maxRequestBytes, double ratePerSecond, int rateBurst,
                             Duration publishTimeout, Path keysFile, KeysSource keysSource,
                             Optional<TlsSettings> tls) {

    /** The file of the API keys' hashes ({@code itapipe keys} writes it; the API follows its changes). */
    public static final String KEYS_FILE = "ingest.keys-file";
    public static final String KEYS_SOURCE = "ingest.keys-source";

    /**
     * Where {@code itapipe keys} writes the keys and the API reads them: {@code file} ({@link #KEYS_FILE}, for the
     * processes of one machine) or {@code kafka} ({@code ita.api-keys.v1}, for every ingest instance wherever it runs).
     */
    public enum KeysSource {
        FILE, KAFKA;

        static KeysSource from(ConfigSource config) {
            String text = config.get(KEYS_SOURCE, "file").strip();
            return switch (text) {
                case "file" -> FILE;
                case "kafka" -> KAFKA;
                default -> throw new ConfigException(KEYS_SOURCE + ": '" + text + "' is neither file nor kafka");
            };
        }
    }

    public static IngestSettings from(ConfigSource config) {
        return new IngestSettings(
                HttpEndpoint.from(config, "ingest", 8080),
                Long.parseLong(config.get("ingest.max-request-bytes", Long.toString(5L * 1024 * 1024))),
                Double.parseDouble(config.get("ingest.rate-limit.per-second", "20")),
                Integer.parseInt(config.get("ingest.rate-limit.burst", "40")),
                Duration.ofMillis(Long.parseLong(config.get("ingest.publish-timeout-ms", "5000"))),
                Path.of(config.get(KEYS_FILE, "ingest-keys.json")),
                KeysSource.from(config),
                TlsSettings.from(config, "ingest"));
    }

    /** The API's base URL once bound to {@code boundPort}: https when it has a keystore. */
    public String url(int boundPort) {
        return http.url(boundPort, tls.isPresent());
    }
}
