package org.itapipe.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.SchemaSettings;
import org.itapipe.config.TopicSettings;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.KeyDirectory;
import org.itapipe.ingest.auth.KeysLocation;
import org.itapipe.ingest.http.IngestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code itapipe ingest}: the HTTP API that accepts score submissions. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the ingest HTTP API (POST /api/v1/submissions, /api/v1/submissions/bulk; OpenAPI at "
                + "/openapi.json) until interrupted.",
                "Settings: ingest.host, ingest.port (8080), ingest.keys-source (file or kafka), ingest.keys-file "
                        + "(~/.local/state/itapipe/ingest-keys.json), ingest.tls.keystore, ingest.tls.keystore-password, "
                        + "ingest.max-request-bytes, ingest.rate-limit.per-second, ingest.rate-limit.burst, ingest.publish-timeout-ms, "
                        + "topics.replication-factor (1), topics.partitions (3), schemas.auto-register (false)."})
final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        ConfigSource source = config.source();
        IngestSettings settings = IngestSettings.from(source);
        TopicSettings topics = TopicSettings.from(source);
        boolean autoRegister = SchemaSettings.from(source).autoRegister();
        KeysLocation keysLocation = KeysLocation.of(source, config.connections(KafkaPrincipals.INGEST));
        try (KeyDirectory keys = keysLocation.open()) {
            IngestApplication ingest = IngestApplication.start(config.connections(KafkaPrincipals.INGEST), settings, config.reference(),
                    keys, autoRegister, topics);
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("ingest.url", settings.url(ingest.port()));
            endpoints.put("ingest.keys", keys.keys().size() + " " + keysLocation.describe());
            return RunningService.untilInterrupted("ingest", ingest, spec.commandLine().getOut(), endpoints);
        }
    }
}
