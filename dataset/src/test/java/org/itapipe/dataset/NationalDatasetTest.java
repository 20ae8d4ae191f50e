package org.itapipe.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.Optional;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.schemas.avro.ItemScore;
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
    void theSeedsYearIsLeftOutSoItsFiguresComeOnlyFromItsReport() {
        NationalDataset withoutSeed = new NationalDataset(reference.organizations().all(), reference.methodologies(),
                Set.of("6190803/2568"));

        String csv = withoutSeed.generate(List.of(2567, 2568), 0).csv().get(0);

        assertThat(csv).contains("\n6190803,2567,").doesNotContain("\n6190803,2568,");
        assertThat(withoutSeed.generate(List.of(2567, 2568), 0).firstRows())
                .isEqualTo(reference.organizations().all().size() * 2 - 1);
    }

    @Test
    void everyRowPassesValidationWithoutFlagsAndTheFiguresMatchThePublishedNationalOnes() throws Exception {
        ImportSummary summary = reference.bulkImport().run(List.of(new ImportSource("national.csv", InputFormat.CSV,
                () -> new StringReader(dataset.generate(List.of(2567, 2568), 0).csv().get(0)))),
                BulkImport.Admission.ALL, Optional.empty(), result -> { });

        assertThat(summary.rejected()).isZero();
        assertThat(summary.flagged()).isZero();
        List<ScoreSubmission> submissions = summary.results().stream()
                .map(result -> ((RecordResult.Accepted) result).submission()).toList();
        Map<String, BigDecimal> totals = new HashMap<>();
        submissions.forEach(s -> totals.put(s.getOrgCode() + "/" + s.getFiscalYear(), reference.methodologies()
                .require(s.getFiscalYear()).score(SubmissionScores.indicators(s)).total()));
        double mean2568 = mean(totals, 2568);
        double mean2567 = mean(totals, 2567);
        // Published FY 2568: mean 93.82, 94.17 % at or above 85, up 0.77 on FY 2567.
        assertThat(mean2568).isBetween(93.3, 94.3);
        assertThat(mean2568 - mean2567).isBetween(0.4, 1.2);
        assertThat(share(totals, 2568, t -> t >= 85)).isBetween(0.92, 0.96);
        long movedFivePoints = reference.organizations().all().stream().filter(org -> Math.abs(
                totals.get(org.code() + "/2568").subtract(totals.get(org.code() + "/2567")).doubleValue()) >= 5)
                .count();
        assertThat(movedFivePoints).as("organizations that rose or fell by 5 points or more").isBetween(100L, 1500L);
        List<BigDecimal> oitItems = submissions.stream().flatMap(s -> s.getItems().stream())
                .filter(item -> item.getCode().startsWith("o")).map(ItemScore::getScore).toList();
        long allHalfOrNothing = oitItems.stream().filter(score -> Set.of("0.00", "50.00", "100.00")
                .contains(score.toPlainString())).count();
        assertThat((double) allHalfOrNothing / oitItems.size()).isGreaterThan(0.98);
        assertThat(oitItems).contains(new BigDecimal("50.00"), new BigDecimal("0.00"));
    }

    private static double mean(Map<String, BigDecimal> totals, int year) {
        return totals.entrySet().stream().filter(e -> e.getKey().endsWith("/" + year))
                .mapToDouble(e -> e.getValue().doubleValue()).average().orElseThrow();
    }

    private static double share(Map<String, BigDecimal> totals, int year, DoublePredicate test) {
        List<Double> year2568 = totals.entrySet().stream().filter(e -> e.getKey().endsWith("/" + year))
                .map(e -> e.getValue().doubleValue()).toList();
        return (double) year2568.stream().filter(test::test).count() / year2568.size();
    }
}
