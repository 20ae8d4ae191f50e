package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import org.itapipe.testkit.ClickHouseQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline, written once: the real report and a few neighbours imported as users import them, streams and
 * sink running, and the results read back through the analyst views with the read-only analyst user. Runs on the
 * embedded stack ({@link PipelineOnEmbeddedStackTest}) and on containers ({@link PipelineOnContainersTest}).
 */
abstract class PipelineEndToEndSuite {

    private static final String NEIGHBOURS = """
            org_code,fiscal_year,revision,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,ind_8,ind_9,ind_10
            6190804,2568,1,100,100,100,100,100,100,100,100,100,100
            6190802,2568,1,80,80,80,80,80,80,80,80,80,80
            4190102,2568,1,99,99,99,99,99,99,99,99,99,99
            2190101,2568,1,85,85,85,85,85,85,85,85,85,85
            6190803,2567,1,90,90,90,90,90,90,90,90,90,90
            """;

    @TempDir
    Path stateDir;

    @Test
    void theSeedReportReachesTheAnalystViewsWithItsTotalLevelAlertsAndRanks(StackEndpoints stack) throws Exception {
        ImportSummary imported = importSeedAndNeighbours(stack);
        assertThat(imported.rejected()).isZero();
        ClickHouseSettings analyst = stack.clickhouseAnalyst();

        StreamsSettings streamsSettings = StreamsSettings.from(ConfigSource.of(Map.of("schemas.auto-register", "true",
                "streams.commit-interval-ms", "50"), Map.of()))
                .withApplication("itapipe-e2e-" + UUID.randomUUID(), stateDir, 0);
        SinkSettings sinkSettings = SinkSettings.from(ConfigSource.of(Map.of("schemas.auto-register", "true", "sink.batch.max-age-ms", "200"),
                Map.of())).with("itapipe-sink-e2e-" + UUID.randomUUID(), 0);
        try (StreamsApplication streams = StreamsApplication.start(stack.connections(), streamsSettings,
                MethodologyCatalog.builtIn());
             SinkApplication sink = SinkApplication.start(stack.connections(), sinkSettings,
                     MethodologyCatalog.builtIn(), SinkLoader.AfterInsert.NOTHING)) {

            Map<String, Object> seed = ClickHouseQueries.awaitRows(analyst, "SELECT * FROM v_province_comparison "
                    + "WHERE org_code = '6190803' AND fiscal_year = 2568", rows -> !rows.isEmpty()
                    && ((Number) rows.get(0).get("organizations_in_province")).intValue() == 5).get(0);
            assertThat(seed.get("org_name_th")).isEqualTo("องค์การบริหารส่วนตำบลบ้านกลับ");
            assertThat(seed.get("org_type")).isEqualTo("SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION");
            assertThat((BigDecimal) seed.get("total")).isEqualByComparingTo("94.30");
            assertThat(seed.get("level_th")).isEqualTo("ผ่านดี");
            assertThat((BigDecimal) seed.get("ind_9")).isEqualByComparingTo("82.50");
            assertThat(((Number) seed.get("rank_in_district")).intValue()).isEqualTo(2);
            assertThat(((Number) seed.get("organizations_in_district")).intValue()).isEqualTo(3);
            assertThat(((Number) seed.get("rank_in_province")).intValue()).isEqualTo(3);
            assertThat(((Number) seed.get("organizations_in_province")).intValue()).isEqualTo(5);
            assertThat(((Number) seed.get("rank_in_province_by_type")).intValue()).isEqualTo(2);
            assertThat(((Number) seed.get("organizations_of_type_in_province")).intValue()).isEqualTo(3);
            // District 1908 FY 2568: 100.00, 94.30, 80.00, mean 91.43 (91.4333...), so the seed is 2.87 above it.
            assertThat((BigDecimal) seed.get("diff_to_district_mean")).isEqualByComparingTo("2.87");
            Map<String, Object> pao = ClickHouseQueries.query(analyst, "SELECT rank_in_district, rank_in_province, "
                    + "org_name_th FROM v_province_comparison WHERE org_code = '2190101'").get(0);
            assertThat(pao.get("rank_in_district")).as("a provincial organization has no district rank").isNull();
            assertThat(((Number) pao.get("rank_in_province")).intValue()).isEqualTo(4);
            assertThat(pao.get("org_name_th")).isEqualTo("องค์การบริหารส่วนจังหวัดสระบุรี");

            List<Map<String, Object>> lowItems = ClickHouseQueries.query(analyst, "SELECT item_code, score FROM "
                    + "v_oit_items_at_or_below_threshold WHERE org_code = '6190803' ORDER BY item_code");
            assertThat(lowItems).extracting(row -> row.get("item_code"))
                    .containsExactlyInAnyOrder("o5", "o6", "o7", "o12", "o19", "o23", "o25");

            List<Map<String, Object>> gaps = ClickHouseQueries.awaitRows(analyst, "SELECT indicator, "
                    + "points_recoverable FROM v_indicator_gaps WHERE org_code = '6190803' AND fiscal_year = 2568 "
                    + "ORDER BY indicator", rows -> rows.size() == 10);
            assertThat((BigDecimal) gaps.get(8).get("points_recoverable")).isEqualByComparingTo("3.50");
            assertThat((BigDecimal) gaps.get(9).get("points_recoverable")).isEqualByComparingTo("2.00");

            List<Map<String, Object>> alerts = ClickHouseQueries.awaitRows(analyst, "SELECT item_code FROM "
                    + "v_alert_states WHERE org_code = '6190803' AND state = 'OPEN'", rows -> rows.size() == 7);
            assertThat(alerts).hasSize(7);

            List<Map<String, Object>> nongDon = ClickHouseQueries.awaitRows(analyst, "SELECT organizations, "
                    + "mean_total_change FROM v_area_rollups WHERE area_level = 'DISTRICT' AND fiscal_year = 2568 "
                    + "AND area_code = '1908'", rows -> rows.size() == 1
                    && ((Number) rows.get(0).get("organizations")).intValue() == 3);
            assertThat(((Number) nongDon.get(0).get("organizations")).intValue()).isEqualTo(3);
            // The province over all types is summed from its province-type areas one hop later (docs/streams.md,
            // invariant 3): wait until it counts all five, then check every row.
            List<Map<String, Object>> saraburi = ClickHouseQueries.awaitRows(analyst, "SELECT org_type, "
                    + "organizations FROM v_area_rollups WHERE area_level = 'PROVINCE' AND fiscal_year = 2568 "
                    + "AND area_code = '19' ORDER BY org_type", rows -> rows.size() == 4
                    && ((Number) rows.get(0).get("organizations")).intValue() == 5);
            assertThat(saraburi).extracting(row -> row.get("org_type"), row -> ((Number) row.get("organizations"))
                    .intValue()).containsExactly(org.assertj.core.groups.Tuple.tuple("", 5),
                    org.assertj.core.groups.Tuple.tuple("PROVINCIAL_ADMINISTRATIVE_ORGANIZATION", 1),
                    org.assertj.core.groups.Tuple.tuple("SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION", 3),
                    org.assertj.core.groups.Tuple.tuple("TOWN_MUNICIPALITY", 1));
            List<Map<String, Object>> mueang = ClickHouseQueries.query(analyst, "SELECT organizations FROM "
                    + "v_area_rollups WHERE area_level = 'DISTRICT' AND fiscal_year = 2568 AND area_code = '1901'");
            assertThat(mueang).extracting(row -> ((Number) row.get("organizations")).intValue())
                    .as("the provincial organization counts in no district").containsExactly(1);

            List<Map<String, Object>> movers = ClickHouseQueries.awaitRows(analyst, "SELECT total_delta, riser_rank "
                    + "FROM v_yoy_movers WHERE org_code = '6190803'", rows -> rows.size() == 1);
            assertThat((BigDecimal) movers.get(0).get("total_delta")).isEqualByComparingTo("4.30");
            assertThat(sink.healthy()).isTrue();
        }
    }

    private static ImportSummary importSeedAndNeighbours(StackEndpoints stack) throws IOException {
        IngestApplication.createTopics(stack.connections(), TopicSettings.SINGLE_BROKER);
        IngestSettings settings = IngestSettings.from(ConfigSource.of(Map.of(), Map.of()));
        try (SubmissionPublisher publisher = IngestApplication.publisher(stack.connections(), settings, true)) {
            return IngestApplication.ReferenceData.standard().bulkImport().run(List.of(
                    new ImportSource("ban-kluai-2568-analysis.txt", InputFormat.REPORT, PipelineEndToEndSuite::seedReport),
                    new ImportSource("neighbours.csv", InputFormat.CSV, () -> new StringReader(NEIGHBOURS))),
                    BulkImport.Admission.ALL, Optional.of(publisher), result -> { });
        }
    }

    private static InputStreamReader seedReport() {
        InputStream in = PipelineEndToEndSuite.class.getResourceAsStream(
                "/org/itapipe/schemas/samples/ban-kluai-2568-analysis.txt");
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
