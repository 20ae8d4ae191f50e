package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.Scope;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.parse.JsonSubmissionMapper;
import org.itapipe.ingest.parse.ParsedRecord;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.ingest.validation.Validation;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import org.itapipe.testkit.ClickHouseQueries;
import org.itapipe.testkit.DeadLetterReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One revision rule from the API to ClickHouse (docs/revisions.md): a second submission under the same revision with
 * other scores is refused, at the door (409) when ingest already knows the revision and in streams (dead letter
 * {@code revision-conflict}) when it reaches Kafka another way; a lower revision likewise ({@code stale-revision});
 * every view then shows the first; and a revision without item scores withdraws the alerts the earlier one opened.
 */
@ExtendWith(EmbeddedStackExtension.class)
class RevisionsEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** อบต.ลำพะยา, เมืองยะลา: a district no other test of this JVM writes. */
    private static final String ORG = "6950109";
    private static final String DISTRICT = "9501";

    @TempDir
    Path stateDir;

    @Test
    void aConflictingOrStaleRevisionIsRefusedAndEveryViewAgreesOnTheFirst(StackEndpoints stack) throws Exception {
        ApiKeyStore keys = ApiKeyStore.empty();
        String key = keys.create("NACC", new Scope.National()).plainText();
        ClickHouseSettings analyst = stack.clickhouseAnalyst();
        try (IngestApplication ingest = IngestApplication.start(stack.connections(),
                IngestSettings.from(ConfigSource.of(Map.of("ingest.port", "0"), Map.of())),
                IngestApplication.ReferenceData.standard(), keys, true, TopicSettings.SINGLE_BROKER);
             StreamsApplication streams = StreamsApplication.start(stack.connections(), StreamsSettings.from(
                     ConfigSource.of(Map.of("schemas.auto-register", "true", "streams.commit-interval-ms", "50"),
                             Map.of())).withApplication("itapipe-revisions-" + UUID.randomUUID(), stateDir, 0),
                     MethodologyCatalog.builtIn());
             SinkApplication sink = SinkApplication.start(stack.connections(), SinkSettings.from(ConfigSource.of(
                     Map.of("schemas.auto-register", "true", "sink.batch.max-age-ms", "200"), Map.of())).with("itapipe-sink-revisions-"
                     + UUID.randomUUID(), 0), MethodologyCatalog.builtIn(), SinkLoader.AfterInsert.NOTHING)) {

            assertThat(post(ingest, key, body(2, "97.60", true)).statusCode()).isEqualTo(202);
            awaitLatestTotal(analyst, "97.60");

            HttpResponse<String> stale = awaitStatus(ingest, key, body(1, "97.60", true), 409);
            JsonNode staleError = JSON.readTree(stale.body()).get("errors").get(0);
            assertThat(staleError.get("field").asText()).isEqualTo("revision");
            assertThat(staleError.get("rule").asText()).isEqualTo("stale-revision");
            assertThat(staleError.get("message").asText()).isEqualTo("revision 1 of " + ORG + "/2568 is below the "
                    + "current revision 2; send a correction as revision 3 or higher");

            HttpResponse<String> conflict = post(ingest, key, body(2, "98.20", true));
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(conflict.body()).get("errors").get(0).get("rule").asText())
                    .isEqualTo("revision-conflict");

            // Another way into Kafka (an ingest instance that had not read the revision yet): streams refuses it.
            try (SubmissionPublisher publisher = IngestApplication.publisher(stack.connections(),
                    IngestSettings.from(ConfigSource.of(Map.of(), Map.of())), true)) {
                publisher.publish(valid(body(2, "98.20", true))).get();
            }
            DeadLetter letter = DeadLetterReader.await(stack, ORG,
                    l -> l.getReason().startsWith("revision: revision-conflict"));
            assertThat(letter.getService()).isEqualTo("streams");
            assertThat(letter.getReason()).isEqualTo("revision: revision-conflict: revision 2 of " + ORG
                    + "/2568 already holds different scores; send a correction as revision 3 or higher");
            assertThat(letter.getOffset()).as("where the refused record is").isNotNegative();

            assertThat(post(ingest, key, body(3, "97.60", false)).statusCode()).isEqualTo(202);
            awaitLatestRevision(analyst, 3);
            List<Map<String, Object>> alerts = ClickHouseQueries.awaitRows(analyst, "SELECT item_code, state FROM "
                    + "v_alert_states WHERE org_code = '" + ORG + "'", rows -> rows.size() == 1
                    && "WITHDRAWN".equals(rows.get(0).get("state")));
            assertThat(alerts).extracting(row -> row.get("item_code"), row -> row.get("state"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("o5", "WITHDRAWN"));

            assertThat(ClickHouseQueries.query(analyst, "SELECT DISTINCT total FROM v_indicator_gaps WHERE org_code = '"
                    + ORG + "' AND fiscal_year = 2568")).extracting(row -> ((BigDecimal) row.get("total"))
                    .toPlainString()).containsExactly("97.60");
            List<Map<String, Object>> district = ClickHouseQueries.awaitRows(analyst, "SELECT mean_total, "
                    + "with_oit_alert FROM v_area_rollups WHERE area_level = 'DISTRICT' AND fiscal_year = 2568 AND "
                    + "area_code = '" + DISTRICT + "'", rows -> rows.size() == 1
                    && ((Number) rows.get(0).get("with_oit_alert")).intValue() == 0);
            assertThat((BigDecimal) district.get(0).get("mean_total")).isEqualByComparingTo("97.60");
            assertThat(((Number) district.get(0).get("with_oit_alert")).intValue()).isZero();
            assertThat(((Number) ClickHouseQueries.query(analyst, "SELECT count() AS n FROM "
                    + "v_oit_items_at_or_below_threshold WHERE org_code = '" + ORG + "'").get(0).get("n")).intValue())
                    .isZero();
        }
    }

    private static void awaitLatestTotal(ClickHouseSettings analyst, String total) throws InterruptedException {
        List<Map<String, Object>> rows = ClickHouseQueries.awaitRows(analyst, "SELECT total FROM "
                + "v_latest_submissions WHERE org_code = '" + ORG + "'", r -> r.size() == 1);
        assertThat((BigDecimal) rows.get(0).get("total")).isEqualByComparingTo(total);
    }

    private static void awaitLatestRevision(ClickHouseSettings analyst, long revision) throws InterruptedException {
        List<Map<String, Object>> rows = ClickHouseQueries.awaitRows(analyst, "SELECT revision, total FROM "
                + "v_latest_submissions WHERE org_code = '" + ORG + "'", r -> r.size() == 1
                && ((Number) r.get(0).get("revision")).longValue() == revision);
        assertThat(((Number) rows.get(0).get("revision")).longValue()).isEqualTo(revision);
        assertThat((BigDecimal) rows.get(0).get("total")).isEqualByComparingTo("97.60");
    }

    /** Ingest learns the latest revision from streams' topic: posts until it answers {@code status} (15 s at most). */
    private static HttpResponse<String> awaitStatus(IngestApplication ingest, String key, String body, int status)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> response;
        do {
            response = post(ingest, key, body);
        } while (response.statusCode() != status && System.nanoTime() < deadline && pause());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }

    private static String body(long revision, String score, boolean withLowItem) {
        return "{\"orgCode\":\"" + ORG + "\",\"fiscalYear\":2568,\"revision\":" + revision + ",\"indicators\":{"
                + String.join(",", java.util.stream.IntStream.rangeClosed(1, 10)
                        .mapToObj(i -> "\"" + i + "\":" + score).toList()) + "}"
                + (withLowItem ? ",\"items\":{\"o5\":0}" : "") + "}";
    }

    private static ScoreSubmission valid(String body) {
        ParsedRecord parsed = JsonSubmissionMapper.parse(body, 1, SubmissionSource.API, "api:test");
        Validation validation = IngestApplication.ReferenceData.standard().validator()
                .validate(((ParsedRecord.Parsed) parsed).submission());
        return ((Validation.Valid) validation).submission();
    }

    private static HttpResponse<String> post(IngestApplication ingest, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingest.port()
                        + "/api/v1/submissions")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
