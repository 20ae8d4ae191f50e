package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConfigOptionsTest {

    @Command
    static final class AService {
        @Mixin
        ConfigOptions config;
    }

    @TempDir
    Path dir;

    @Test
    void aGivenConfigurationIsTakenAsItIsWithOnlyTheMachinesKeyFileAdded() throws Exception {
        Path file = Files.writeString(dir.resolve("office.properties"), "kafka.bootstrap=kafka.office:9092\n");
        AService service = new AService();
        new CommandLine(service).parseArgs("--config", file.toString());

        var source = service.config.source();

        assertThat(source.get("kafka.bootstrap")).contains("kafka.office:9092");
        assertThat(source.get("registry.url")).as("no local-stack default under a given file").isEmpty();
        assertThat(source.get("schemas.auto-register")).isEmpty();
        assertThat(source.get("ingest.keys-file")).contains(StackLocation.defaultKeysFile().toString());
    }
}
