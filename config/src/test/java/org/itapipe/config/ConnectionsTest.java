package org.itapipe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTest {

    private static final Map<String, String> FILE = Map.of(
            "kafka.bootstrap", "broker-1:9092,broker-2:9092",
            "kafka.client.security.protocol", "SASL_SSL",
            "registry.url", "https://registry.example:8443/apis/ccompat/v7",
            "registry.user", "ita",
            "registry.password", "s3cret",
            "clickhouse.jdbc", "jdbc:clickhouse://ch.example:8443/ita?ssl=true",
            "clickhouse.user", "sink",
            "clickhouse.password", "pw");

    @Test
    void readsEveryServerFromTheConfigFile() {
        Connections connections = Connections.from(ConfigSource.of(FILE, Map.of()));

        assertThat(connections.kafka().clientProperties())
                .containsEntry("bootstrap.servers", "broker-1:9092,broker-2:9092")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(connections.registry().url()).hasPath("/apis/ccompat/v7");
        assertThat(connections.registry().usesBasicAuth()).isTrue();
        assertThat(connections.clickhouse().user()).isEqualTo("sink");
        assertThat(connections.clickhouse().password().value()).isEqualTo("pw");
    }

    @Test
    void aPrincipalsOwnKafkaSettingsOverrideTheSharedOnesAndNoOtherPrincipalSeesThem() {
        Map<String, String> file = new HashMap<>(FILE);
        file.put("kafka.client.sasl.jaas.config", "shared login");
        file.put("sink.kafka.client.sasl.jaas.config", "the sink's login");
        file.put("ingest.kafka.client.sasl.jaas.config", "ingest's login");
        ConfigSource config = ConfigSource.of(file, Map.of());

        assertThat(Connections.from(config, "sink").kafka().clientOverrides())
                .containsEntry("sasl.jaas.config", "the sink's login").containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKey("ingest.kafka.client.sasl.jaas.config");
        assertThat(Connections.from(config, "streams").kafka().clientOverrides())
                .containsEntry("sasl.jaas.config", "shared login");
        assertThat(Connections.from(config).kafka().clientOverrides()).containsEntry("sasl.jaas.config", "shared login");
        assertThat(Connections.from(config, "sink").withKafkaClient(Map.of("sasl.jaas.config", "another"))
                .kafka().clientOverrides()).containsEntry("sasl.jaas.config", "another")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        Connections connections = Connections.from(ConfigSource.of(FILE, Map.of(
                "ITAPIPE_KAFKA_BOOTSTRAP", "127.0.0.1:19092",
                "ITAPIPE_KAFKA_CLIENT_SECURITY_PROTOCOL", "PLAINTEXT")));

        assertThat(connections.kafka().bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(connections.kafka().clientOverrides()).containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void aMissingRequiredKeyNamesTheKeyAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> Connections.from(ConfigSource.of(Map.of("kafka.bootstrap", "k:9092"), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("registry.url")
                .hasMessageContaining("ITAPIPE_REGISTRY_URL");
    }

    @Test
    void aUrlThatIsNotJdbcIsRejectedWithTheRule() {
        Map<String, String> file = new HashMap<>(FILE);
        file.put("clickhouse.jdbc", "http://ch:8123");

        assertThatThrownBy(() -> Connections.from(ConfigSource.of(file, Map.of())))
                .hasMessageContaining("clickhouse.jdbc must be a ClickHouse JDBC URL");
    }

    @Test
    void defaultsApplyOnlyWhereNothingElseSetsTheKey() {
        ConfigSource config = ConfigSource.of(Map.of("registry.url", "http://file"), Map.of())
                .withDefaults(Map.of("registry.url", "http://default", "clickhouse.user", "default"));

        assertThat(config.get("registry.url")).contains("http://file");
        assertThat(config.get("clickhouse.user")).contains("default");
    }

    @Test
    void secretsNeverAppearInToString() {
        Connections connections = Connections.from(ConfigSource.of(FILE, Map.of()));

        assertThat(connections.toString()).doesNotContain("s3cret").doesNotContain("=pw");
    }

    @Test
    void entriesRoundTripThroughAConfigFile(@TempDir Path dir) throws Exception {
        Connections original = Connections.from(ConfigSource.of(FILE, Map.of()));
        Path file = dir.resolve("itapipe.properties");
        StringBuilder text = new StringBuilder();
        original.toEntries().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(file, text);

        assertThat(Connections.from(ConfigSource.load(file, Map.of()))).isEqualTo(original);
    }
}
