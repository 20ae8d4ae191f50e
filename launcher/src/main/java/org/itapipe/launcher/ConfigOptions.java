package org.itapipe.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.RegistrySettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.StackPorts;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} (else {@code $ITAPIPE_CONFIG}), overridden by {@code ITAPIPE_*} environment variables.
 * Without either, services read the block that the running {@code itapipe stack} wrote into its state directory
 * ({@link StackLocation#endpointsFile()}), so that {@code itapipe stack} in one terminal and any service in another
 * just work; with no such block, the stack's conventional endpoints. A configuration that is given is taken as it is:
 * only the machine's key file ({@code ingest.keys-file}) is filled in where it says nothing.
 */
final class ConfigOptions {

    /** Where {@code itapipe stack} listens by default; its credentials are drawn at each start, so not here. */
    private static final Map<String, String> CONVENTIONAL_STACK = Map.of(
            Connections.KAFKA_BOOTSTRAP, "127.0.0.1:" + StackPorts.conventional().kafka(),
            Connections.REGISTRY_URL, "http://127.0.0.1:" + StackPorts.conventional().registry()
                    + StackEndpoints.REGISTRY_API_PATH,
            Connections.CLICKHOUSE_JDBC, "jdbc:clickhouse://127.0.0.1:" + StackPorts.conventional().clickhouseHttp()
                    + "/default",
            StackEndpoints.AUTO_REGISTER, "true");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (properties; e.g. the output of 'itapipe stack'). Default: $ITAPIPE_CONFIG, "
                    + "else the block of the stack running in the default state directory.")
    private Path file;

    ConfigSource source() {
        Map<String, String> env = System.getenv();
        Map<String, String> machine = Map.of(IngestSettings.KEYS_FILE, StackLocation.defaultKeysFile().toString());
        Path chosen = file != null ? file : env.containsKey("ITAPIPE_CONFIG") ? Path.of(env.get("ITAPIPE_CONFIG")) : null;
        if (chosen != null) {
            return ConfigSource.load(chosen, env).withDefaults(machine);
        }
        Path runningStack = StackLocation.endpointsFile();
        if (Files.isRegularFile(runningStack)) {
            return ConfigSource.load(runningStack, env).withDefaults(machine);
        }
        Map<String, String> fallbacks = new HashMap<>(CONVENTIONAL_STACK);
        fallbacks.putAll(machine);
        return ConfigSource.load(null, env).withDefaults(fallbacks);
    }

    /**
     * The connections of {@code principal} (one of {@link KafkaPrincipals}): on a secured Kafka each command connects
     * with its own login ({@code <principal>.kafka.client.*}), within its own ACLs.
     */
    Connections connections(String principal) {
        return Connections.from(source(), principal);
    }

    /** The schema registry alone, for commands that use no Kafka. */
    RegistrySettings registry() {
        return Connections.from(source()).registry();
    }

    /** The geography, the organizations ({@code organizations.file}) and methodologies ({@code methodology.dir}). */
    IngestApplication.ReferenceData reference() {
        return IngestApplication.ReferenceData.from(source());
    }
}
