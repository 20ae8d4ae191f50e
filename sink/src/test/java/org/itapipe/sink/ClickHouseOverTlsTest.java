package org.itapipe.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.devstack.SelfSignedCertificate;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.sink.load.ClickHouseWriter;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.testkit.ClickHouseQueries;
import org.itapipe.testkit.TlsFront;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClickHouse over TLS: the sink writes and an analyst reads through {@code jdbc:clickhouse:https://...} trusting the
 * server's certificate ({@code sslrootcert}), and neither an untrusted certificate nor plain HTTP gets through. The
 * embedded ClickHouse cannot serve HTTPS itself (chDB refuses {@code SYSTEM START LISTEN HTTPS}), so it sits behind a
 * TLS-terminating front, as a server often sits behind a proxy; the client's side is exactly a deployment's.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ClickHouseOverTlsTest {

    @TempDir
    Path dir;

    @Test
    void theSinkWritesAndAnAnalystReadsOverTlsAndNothingUntrustedOrPlainGetsThrough(StackEndpoints stack)
            throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir, "clickhouse");
        try (TlsFront front = TlsFront.start(certificate, stack.clickhouseHttp().getPort())) {
            String tls = "jdbc:clickhouse:https://127.0.0.1:" + front.port() + "/default?sslrootcert="
                    + certificate.certificate();
            ClickHouseSettings writer = new ClickHouseSettings(tls, stack.connections().clickhouse().user(),
                    stack.connections().clickhouse().password());
            ClickHouseSettings analyst = new ClickHouseSettings(tls, stack.clickhouseAnalyst().user(),
                    stack.clickhouseAnalyst().password());
            Connections overTls = new Connections(stack.connections().kafka(), stack.connections().registry(), writer);
            SinkSettings settings = SinkSettings.from(ConfigSource.of(Map.of("schemas.auto-register", "true",
                    "sink.batch.max-age-ms", "200"), Map.of())).with("itapipe-sink-tls-" + UUID.randomUUID(), 0);
            // A district of its own: no other test of this JVM writes 7812.
            try (SinkApplication sink = SinkApplication.start(overTls, settings, MethodologyCatalog.builtIn(),
                    SinkLoader.AfterInsert.NOTHING)) {
                SinkFaultTest.produce(stack, "7812");
                List<Map<String, Object>> rows = ClickHouseQueries.awaitRows(analyst, "SELECT count() AS n FROM "
                        + "v_latest_submissions WHERE district_code = '7812'",
                        r -> ((Number) r.get(0).get("n")).intValue() >= SinkFaultTest.ORGANIZATIONS);
                assertThat(((Number) rows.get(0).get("n")).intValue()).isEqualTo(SinkFaultTest.ORGANIZATIONS);
                assertThat(sink.healthy()).isTrue();
            }

            assertThatThrownBy(() -> query(new ClickHouseSettings("jdbc:clickhouse:https://127.0.0.1:" + front.port()
                    + "/default", writer.user(), writer.password())))
                    .as("a certificate the client does not trust").isInstanceOf(SQLException.class)
                    .hasStackTraceContaining("unable to find valid certification path");
            assertThatThrownBy(() -> query(new ClickHouseSettings("jdbc:clickhouse://127.0.0.1:" + front.port()
                    + "/default", writer.user(), writer.password())))
                    .as("plain HTTP to the TLS port: the answer is TLS, not HTTP").isInstanceOf(SQLException.class)
                    .hasStackTraceContaining("Invalid protocol version");
        }
    }

    private static void query(ClickHouseSettings settings) throws SQLException {
        try (Connection connection = ClickHouseWriter.connect(settings)) {
            connection.createStatement().executeQuery("SELECT 1").next();
        }
    }
}
