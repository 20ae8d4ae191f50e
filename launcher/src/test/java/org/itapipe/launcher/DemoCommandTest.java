package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.Secret;
import org.itapipe.devstack.StackPorts;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.sink.load.ClickHouseWriter;
import org.itapipe.testkit.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command, as a user runs it: {@code itapipe demo} on free ports, then what it loaded read back
 * from ClickHouse with the analyst credentials it prints.
 */
class DemoCommandTest {

    @TempDir
    Path stateDir;

    @Test
    void theDemoHoldsEveryRealOrganizationAndTheSeedAt9430WithItsSevenAlerts() throws Exception {
        StackPorts ports = StackPorts.free();
        try (LauncherProcess demo = LauncherProcess.start("demo", "--state-dir", stateDir.toString(),
                "--kafka-port", Integer.toString(ports.kafka()),
                "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                "--registry-port", Integer.toString(ports.registry()),
                "--clickhouse-http-port", Integer.toString(ports.clickhouseHttp()),
                "--clickhouse-native-port", Integer.toString(ports.clickhouseNative()),
                "--ingest-port", Integer.toString(StackPorts.free().kafka()),
                "--web-port", Integer.toString(StackPorts.free().kafka()))) {
            demo.awaitLine("ingest.api_key=", Duration.ofMinutes(8));
            ClickHouseSettings analyst = new ClickHouseSettings(
                    "jdbc:clickhouse://127.0.0.1:" + ports.clickhouseHttp() + "/default",
                    value(demo, "clickhouse.analyst.user="), new Secret(value(demo, "clickhouse.analyst.password=")));

            try (Connection connection = ClickHouseWriter.connect(analyst);
                 Statement sql = connection.createStatement()) {
                Map<String, String> placed = new HashMap<>();
                forEachRow(sql, "SELECT org_code, district_code, province_code, org_type FROM v_latest_submissions "
                        + "WHERE fiscal_year = 2568", row -> placed.put(row.getString(1),
                        row.getString(2) + " " + row.getString(3) + " " + row.getString(4)));
                assertThat(placed).as("every DLA organization under its own code, district, province and type")
                        .isEqualTo(OrganizationRegistry.dla().all().stream().collect(Collectors.toMap(
                                org -> org.code(), org -> org.districtCode() + " " + org.provinceCode() + " "
                                        + org.type().name())));

                List<String> nongDon = new ArrayList<>();
                forEachRow(sql, "SELECT org_code FROM v_latest_submissions WHERE fiscal_year = 2568 AND "
                        + "district_code = '1908' ORDER BY org_code", row -> nongDon.add(row.getString(1)));
                assertThat(nongDon).containsExactly("5190801", "6190802", "6190803", "6190804");

                List<Object> seed = new ArrayList<>();
                forEachRow(sql, "SELECT total, level_th, org_name_th, rank_in_district FROM v_province_comparison "
                        + "WHERE org_code = '6190803' AND fiscal_year = 2568", row -> {
                            seed.add(row.getBigDecimal(1));
                            seed.add(row.getString(2));
                            seed.add(row.getString(3));
                        });
                assertThat(seed).containsExactly(new BigDecimal("94.30"), "ผ่านดี", "องค์การบริหารส่วนตำบลบ้านกลับ");

                List<String> alerts = new ArrayList<>();
                forEachRow(sql, "SELECT item_code FROM v_alert_states WHERE org_code = '6190803' AND fiscal_year = "
                        + "2568 AND state = 'OPEN'", row -> alerts.add(row.getString(1)));
                assertThat(alerts).containsExactlyInAnyOrder("o5", "o6", "o7", "o12", "o19", "o23", "o25");
            }
            assertThat(demo.output()).contains("องค์การบริหารส่วนตำบลบ้านกลับ, FY 2568: total 94.30, ผ่านดี")
                    .contains("open OIT alerts of 6190803: 7")
                    .containsPattern("all types\\s+7,849\\s+mean")
                    .containsPattern("SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION\\s+5,300\\s+mean")
                    .contains("The national scores are generated (synthetic");
            for (String service : List.of("streams", "sink", "notifier")) {
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        value(demo, service + ".health="))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(service + " health").isEqualTo(200);
            }
            String seedReport = value(demo, "web.seed_report=");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(seedReport))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("องค์การบริหารส่วนตำบลบ้านกลับ").contains("94.30").contains("ผ่านดี");
            reportsAreWrittenForOneOrganizationAndAWholeProvince(demo);
            String apiKey = value(demo, "ingest.api_key=");
            // ita_<id>_<secret>: the secret alone must not appear either (the id may, in audit lines).
            List<String> secrets = List.of(value(demo, "clickhouse.password="),
                    value(demo, "clickhouse.analyst.password="), apiKey, apiKey.split("_", 3)[2]);
            demo.terminate();
            assertThat(demo.awaitExit(Duration.ofSeconds(60))).as("stopped by SIGTERM").isNotNegative();
            noLogHoldsAny(secrets);
        }
    }

    /** Every log file the demo's stack wrote (the launcher's, the registry's, ClickHouse's) is free of the secrets. */
    private void noLogHoldsAny(List<String> secrets) throws Exception {
        assertThat(secrets).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(8));
        try (var logs = Files.list(stateDir.resolve("logs"))) {
            List<Path> files = logs.toList();
            assertThat(files).extracting(file -> file.getFileName().toString())
                    .contains("itapipe.log", "registry.log", "clickhouse.log");
            for (Path file : files) {
                String log = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    assertThat(log.contains(secret)).as(file.getFileName() + " holds a drawn secret").isFalse();
                }
            }
        }
    }

    /** {@code itapipe report} against the running demo, with the analyst settings the demo printed. */
    private void reportsAreWrittenForOneOrganizationAndAWholeProvince(LauncherProcess demo) throws Exception {
        Path config = stateDir.resolve("analyst.properties");
        Files.writeString(config, String.join("\n", demo.awaitLine("clickhouse.jdbc=", Duration.ofSeconds(1)),
                demo.awaitLine("clickhouse.analyst.user=", Duration.ofSeconds(1)),
                demo.awaitLine("clickhouse.analyst.password=", Duration.ofSeconds(1))) + "\n");
        Path pdf = stateDir.resolve("seed.pdf");
        try (LauncherProcess report = LauncherProcess.start("report", "--config", config.toString(), "--org",
                "6190803", "--year", "2568", "--out", pdf.toString())) {
            assertThat(report.awaitExit(Duration.ofMinutes(2))).as(report.output()).isZero();
        }
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // Phuket, the province with the fewest organizations (19): a whole province without 109 PDFs' time.
        Path phuket = stateDir.resolve("phuket");
        try (LauncherProcess report = LauncherProcess.start("report", "--config", config.toString(), "--province",
                "83", "--year", "2568", "--out", phuket.toString())) {
            assertThat(report.awaitExit(Duration.ofMinutes(5))).as(report.output()).isZero();
            System.out.println(report.output());
        }
        try (var files = Files.list(phuket)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList()).hasSize(OrganizationRegistry.dla()
                    .inProvince("83").size()).contains("2830101-2568.pdf", "4830201-2568.pdf");
        }
        try (LauncherProcess report = LauncherProcess.start("report", "--config", config.toString(), "--org",
                "6190803", "--year", "2590", "--out", pdf.toString())) {
            assertThat(report.awaitExit(Duration.ofMinutes(1))).isEqualTo(ReportCommand.NO_DATA);
            assertThat(report.output()).contains("6190803 has no submission for fiscal year 2590");
        }
    }

    private static String value(LauncherProcess demo, String prefix) throws InterruptedException {
        return demo.awaitLine(prefix, Duration.ofSeconds(1)).substring(prefix.length());
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void forEachRow(Statement sql, String query, RowReader reader) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }
}
