package org.itapipe.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.SubmissionScores;
import org.junit.jupiter.api.Test;

class NationalDatasetTest {

    private final IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.standard();
    private final NationalDataset dataset = new NationalDataset(reference.organizations().all(),
            reference.methodologies());

    @Test
    void twoRunsGiveTheSameData() {
        assertThat(dataset.generate(List.of(2567, 2568), 500)).isEqualTo(dataset.generate(List.of(2567, 2568), 500));
    }

    @Test
    void everyOrganizationHasBothYearsThenTheRequestedNumberOfRevisions() {
        NationalDataset.Waves waves = dataset.generate(List.of(2567, 2568), 20_000);

        assertThat(waves.firstRows()).isEqualTo(reference.organizations().all().size() * 2);
        assertThat(waves.total()).isEqualTo(waves.firstRows() + 20_000);
        assertThat(waves.rows()).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void eachWaveNamesAnOrganizationYearOnceAndCarriesTheNextRevision() throws Exception {
        NationalDataset.Waves waves = dataset.generate(List.of(2567, 2568), 20_000);

        for (int wave = 0; wave < waves.csv().size(); wave++) {
            String csv = waves.csv().get(wave);
            ImportSummary summary = reference.bulkImport().run(List.of(new ImportSource("wave.csv", InputFormat.CSV,
                    () -> new StringReader(csv))), BulkImport.Admission.ALL, Optional.empty(), result -> { });
            long revision = wave + 1;
            assertThat(summary.rejected()).as("wave %d", wave + 1).isZero();
            assertThat(summary.accepted()).isEqualTo(waves.rows().get(wave).longValue());
            assertThat(summary.results()).allSatisfy(result ->
                    assertThat(((RecordResult.Accepted) result).submission().getRevision()).isEqualTo(revision));
        }
    }

    @Test
    void everyRowPassesValidationWithoutFlagsAndTotalsLookLikePublishedResults() throws Exception {
        ImportSummary summary = reference.bulkImport().run(List.of(new ImportSource("national.csv", InputFormat.CSV,
                () -> new StringReader(dataset.generate(List.of(2568), 0).csv().get(0)))),
                BulkImport.Admission.ALL, Optional.empty(), result -> { });

        assertThat(summary.rejected()).isZero();
        assertThat(summary.flagged()).isZero();
        MethodologyCatalog methodologies = reference.methodologies();
        List<BigDecimal> totals = summary.results().stream()
                .map(result -> ((RecordResult.Accepted) result).submission())
                .map(s -> methodologies.require(2568).score(SubmissionScores.indicators(s)).total()).toList();
        long between80And100 = totals.stream().filter(t -> t.compareTo(new BigDecimal("80")) >= 0).count();
        long below75 = totals.stream().filter(t -> t.compareTo(new BigDecimal("75")) < 0).count();
        assertThat((double) between80And100 / totals.size()).isGreaterThan(0.8);
        assertThat(below75).isPositive();
        long oitAt50 = summary.results().stream().map(result -> ((RecordResult.Accepted) result).submission())
                .flatMap((ScoreSubmission s) -> s.getItems().stream())
                .filter(item -> item.getCode().startsWith("o") && item.getScore().compareTo(new BigDecimal("50")) == 0)
                .count();
        long oitItems = totals.size() * 28L;
        assertThat((double) oitAt50 / oitItems).isBetween(0.02, 0.08);
    }
}
