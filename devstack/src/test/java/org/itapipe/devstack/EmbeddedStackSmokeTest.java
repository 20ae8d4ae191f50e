package org.itapipe.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.Connections;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The three servers of the stack answer their real protocols: Kafka, the Confluent REST API, ClickHouse JDBC. */
@ExtendWith(EmbeddedStackExtension.class)
class EmbeddedStackSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void kafkaDeliversAProducedRecordToAConsumer(Connections connections) throws Exception {
        String topic = "smoke-" + UUID.randomUUID();
        Map<String, Object> client = connections.kafka().clientProperties();
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> producerConfig = new HashMap<>(client);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "4190400", "94.30")).get();
        }

        Map<String, Object> consumerConfig = new HashMap<>(client);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "smoke");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("4190400");
            assertThat(record.value()).isEqualTo("94.30");
        });
    }

    @Test
    void registryRegistersAndReturnsASchemaOverTheConfluentApi(Connections connections) throws Exception {
        String subject = "smoke-" + UUID.randomUUID() + "-value";
        String schema = "{\"type\":\"record\",\"name\":\"Smoke\",\"namespace\":\"org.itapipe.smoke\","
                + "\"fields\":[{\"name\":\"org\",\"type\":\"string\"}]}";
        URI base = connections.registry().url();

        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/subjects/" + subject
                        + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", schema))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        int id = JSON.readTree(registered.body()).get("id").asInt();

        JsonNode fetched = getJson(URI.create(base + "/schemas/ids/" + id));
        assertThat(JSON.readTree(fetched.get("schema").asText())).isEqualTo(JSON.readTree(schema));
        assertThat(getJson(URI.create(base + "/subjects"))).extracting(JsonNode::toString).asString().contains(subject);
    }

    @Test
    void embeddedRegistryChecksBackwardCompatibility(StackEndpoints endpoints) throws Exception {
        JsonNode config = getJson(URI.create(endpoints.connections().registry().url() + "/config"));

        assertThat(config.get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void clickhouseKeepsTheLatestVersionOfARowThroughJdbc(Connections connections) throws Exception {
        try (Connection jdbc = connect(connections.clickhouse()); Statement ddl = jdbc.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS smoke_scores");
            ddl.execute("CREATE TABLE smoke_scores (org_code String, total Decimal(5, 2), revision UInt32) "
                    + "ENGINE = ReplacingMergeTree(revision) ORDER BY org_code");
            try (PreparedStatement insert = jdbc.prepareStatement(
                    "INSERT INTO smoke_scores (org_code, total, revision) VALUES (?, ?, ?)")) {
                addRow(insert, "4190400", "91.10", 1);
                addRow(insert, "4190400", "94.30", 2);
                addRow(insert, "4190401", "88.05", 1);
                insert.executeBatch();
            }
            try (ResultSet rows = ddl.executeQuery(
                    "SELECT org_code, total FROM smoke_scores FINAL ORDER BY org_code")) {
                List<String> seen = new ArrayList<>();
                while (rows.next()) {
                    seen.add(rows.getString(1) + "=" + rows.getBigDecimal(2).toPlainString());
                }
                assertThat(seen).containsExactly("4190400=94.30", "4190401=88.05");
            }
        }
    }

    @Test
    void theAnalystUserReadsButCannotInsertAlterOrDrop(StackEndpoints endpoints) throws Exception {
        try (Connection writer = connect(endpoints.connections().clickhouse());
             Statement ddl = writer.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS smoke_readonly (a UInt8) ENGINE = MergeTree ORDER BY a");
            ddl.execute("INSERT INTO smoke_readonly VALUES (1)");
        }
        try (Connection analyst = connect(endpoints.clickhouseAnalyst()); Statement sql = analyst.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT count() FROM smoke_readonly")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            for (String forbidden : List.of("INSERT INTO smoke_readonly VALUES (2)",
                    "ALTER TABLE smoke_readonly ADD COLUMN b UInt8", "DROP TABLE smoke_readonly")) {
                assertThatThrownBy(() -> sql.execute(forbidden))
                        .as(forbidden).hasMessageContaining("readonly");
            }
        }
    }

    @Test
    void thePasswordLessInProcessUserCanNeitherReadNorChangeATable(StackEndpoints endpoints) throws Exception {
        try (Connection writer = connect(endpoints.connections().clickhouse());
             Statement ddl = writer.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS smoke_guarded (a UInt8) ENGINE = MergeTree ORDER BY a");
        }
        for (String forbidden : List.of("SELECT count() FROM smoke_guarded", "INSERT INTO smoke_guarded VALUES (1)",
                "DROP TABLE smoke_guarded", "CREATE USER intruder", "SELECT * FROM system.users")) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(endpoints.clickhouseHttp())
                    .POST(HttpRequest.BodyPublishers.ofString(forbidden)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(forbidden).isNotEqualTo(200);
            assertThat(answer.body()).as(forbidden).contains("default");
        }
        try (Connection writer = connect(endpoints.connections().clickhouse());
             Statement sql = writer.createStatement(); ResultSet rows = sql.executeQuery("EXISTS TABLE smoke_guarded")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    static Connection connect(ClickHouseSettings settings) throws Exception {
        Properties credentials = new Properties();
        credentials.put("user", settings.user());
        credentials.put("password", settings.password().value());
        return DriverManager.getConnection(settings.jdbcUrl(), credentials);
    }

    private static void addRow(PreparedStatement insert, String org, String total, int revision) throws Exception {
        insert.setString(1, org);
        insert.setBigDecimal(2, new BigDecimal(total));
        insert.setInt(3, revision);
        insert.addBatch();
    }

    private static JsonNode getJson(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
