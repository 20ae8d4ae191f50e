package org.itapipe.launcher;

import java.nio.file.Path;
import java.util.Map;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.StackPorts;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} (else {@code $ITAPIPE_CONFIG}), overridden by {@code ITAPIPE_*} environment variables.
 * Without either, services connect to the embedded stack's conventional endpoints, so that {@code itapipe stack} in
 * one terminal and any service in another just work.
 */
final class ConfigOptions {

    /** Where {@code itapipe stack} listens by default. */
    static final Map<String, String> LOCAL_STACK = localStack(StackPorts.conventional());

    private static Map<String, String> localStack(StackPorts ports) {
        return Map.of(
                Connections.KAFKA_BOOTSTRAP, "127.0.0.1:" + ports.kafka(),
                Connections.REGISTRY_URL, "http://127.0.0.1:" + ports.registry() + StackEndpoints.REGISTRY_API_PATH,
                Connections.CLICKHOUSE_JDBC, "jdbc:clickhouse://127.0.0.1:" + ports.clickhouseHttp() + "/default",
                Connections.CLICKHOUSE_USER, "default",
                StackEndpoints.AUTO_REGISTER, "true",
                IngestSettings.KEYS_FILE, StackLocation.defaultKeysFile().toString());
    }

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (properties; e.g. the output of 'itapipe stack'). Default: $ITAPIPE_CONFIG.")
    private Path file;

    ConfigSource source() {
        Map<String, String> env = System.getenv();
        Path chosen = file != null ? file : env.containsKey("ITAPIPE_CONFIG") ? Path.of(env.get("ITAPIPE_CONFIG")) : null;
        return ConfigSource.load(chosen, env).withDefaults(LOCAL_STACK);
    }

    Connections connections() {
        return Connections.from(source());
    }

    /** The geography, the organizations ({@code organizations.file}) and methodologies ({@code methodology.dir}). */
    IngestApplication.ReferenceData reference() {
        return IngestApplication.ReferenceData.from(source());
    }
}
