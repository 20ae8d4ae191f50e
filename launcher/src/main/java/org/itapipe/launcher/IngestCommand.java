package org.itapipe.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.SchemaSettings;
import org.itapipe.config.TopicSettings;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.KeyDirectory;
import org.itapipe.ingest.auth.SharedApiKeys;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
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
        KeyDirectory keys;
        String keysAt;
        if (settings.keysSource() == IngestSettings.KeysSource.KAFKA) {
            IngestApplication.createTopics(config.connections(), topics);
            SharedApiKeys shared = SharedApiKeys.follow(config.connections().kafka(),
                    new TopicSerdes(new SchemaRegistryClient(config.connections().registry()), autoRegister));
            keys = shared;
            keysAt = shared.keys().size() + " on " + Topics.API_KEYS.name();
        } else {
            ApiKeyStore file = ApiKeyStore.load(settings.keysFile());
            keys = file;
            keysAt = file.keys().size() + " in " + settings.keysFile().toAbsolutePath();
        }
        try (keys) {
            IngestApplication ingest = IngestApplication.start(config.connections(), settings, config.reference(),
                    keys, autoRegister, topics);
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("ingest.url", settings.url(ingest.port()));
            endpoints.put("ingest.keys", keysAt);
            return RunningService.untilInterrupted("ingest", ingest, spec.commandLine().getOut(), endpoints);
        }
    }
}
