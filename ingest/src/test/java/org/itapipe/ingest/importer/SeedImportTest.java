package org.itapipe.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.Fixtures;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.SubmissionsTopic;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.topics.TopicSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real report imported as a user imports it, published, and read back through the registry serde. */
@ExtendWith(EmbeddedStackExtension.class)
class SeedImportTest {

    @Test
    void theSeedReportArrivesOnTheSubmissionsTopicExactlyAsPublished(Connections connections) throws Exception {
        TopicSetup.createMissing(connections.kafka(), TopicSettings.SINGLE_BROKER);
        IngestSettings settings = IngestSettings.from(ConfigSource.of(Map.of(), Map.of()));
        ImportSummary summary;
        try (SubmissionPublisher publisher = IngestApplication.publisher(connections, settings, true)) {
            summary = IngestApplication.ReferenceData.standard().bulkImport().run(List.of(new ImportSource(
                    "ban-kluai-2568-analysis.txt", InputFormat.REPORT, () -> new StringReader(Fixtures.seedReport()))),
                    BulkImport.Admission.ALL, Optional.of(publisher), result -> { });
        }
        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(summary.flagged()).isEqualTo(1);
        String id = ((RecordResult.Accepted) summary.results().get(0)).submission().getSubmissionId();

        List<ConsumerRecord<String, ScoreSubmission>> records = SubmissionsTopic.read(connections, List.of(id));

        assertThat(records).singleElement().satisfies(record -> {
            ScoreSubmission seed = record.value();
            assertThat(seed.getOrgCode()).isEqualTo("6190803");
            assertThat(seed.getOrgNameTh()).isEqualTo("องค์การบริหารส่วนตำบลบ้านกลับ");
            assertThat(seed.getDistrictCode()).isEqualTo("1908");
            assertThat(seed.getProvinceCode()).isEqualTo("19");
            assertThat(seed.getFiscalYear()).isEqualTo(2568);
            assertThat(seed.getReportedTotal()).hasToString("94.30");
            assertThat(seed.getReportedLevel()).isEqualTo("ผ่านดี");
            assertThat(seed.getIndicators()).extracting(IndicatorScore::getScore).extracting(Object::toString)
                    .containsExactly("100.00", "100.00", "100.00", "100.00", "100.00", "99.33", "99.33", "99.33",
                            "82.50", "90.00");
            Map<String, String> items = seed.getItems().stream()
                    .collect(Collectors.toMap(ItemScore::getCode, item -> item.getScore().toPlainString()));
            assertThat(items).containsEntry("o5", "50.00").containsEntry("o6", "50.00").containsEntry("o7", "50.00")
                    .containsEntry("o12", "50.00").containsEntry("o19", "50.00").containsEntry("o23", "50.00")
                    .containsEntry("o25", "10.00");
        });
    }
}
