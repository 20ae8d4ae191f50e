package org.itapipe.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.schemas.organizations.Organization;
import org.junit.jupiter.api.Test;

/**
 * An import larger than one validation chunk (records are validated a chunk at a time, on every core): every result
 * is the one of its own row, in input order, and progress hears of them in that order too.
 */
class BulkImportOrderTest {

    private static final String HEADER = "org_code,fiscal_year,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,ind_8,ind_9,"
            + "ind_10\n";
    private static final String SCORES = ",2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\n";
    /** An indicator above 100: invalid. */
    private static final String INVALID_SCORES = ",2568,100,100,100,100,100,99.33,99.33,99.33,182.50,90\n";

    @Test
    void resultsKeepTheInputOrderAcrossChunks() throws Exception {
        IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.standard();
        List<String> codes = reference.organizations().all().stream().map(Organization::code).sorted().limit(2_500)
                .toList();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < codes.size(); i++) {
            csv.append(codes.get(i)).append(i % 7 == 3 ? INVALID_SCORES : SCORES);
        }
        List<RecordResult> heard = new ArrayList<>();

        ImportSummary summary = reference.bulkImport().run(List.of(new ImportSource("scores.csv", InputFormat.CSV,
                () -> new StringReader(csv.toString()))), BulkImport.Admission.ALL, Optional.empty(), heard::add);

        assertThat(summary.results()).hasSize(codes.size());
        assertThat(summary.results()).extracting(RecordResult::line)
                .containsExactlyElementsOf(IntStream.rangeClosed(2, codes.size() + 1).boxed().toList());
        for (int i = 0; i < codes.size(); i++) {
            RecordResult result = summary.results().get(i);
            if (i % 7 == 3) {
                assertThat(result).as("row %d", i).isInstanceOf(RecordResult.Rejected.class);
            } else {
                assertThat(((RecordResult.Accepted) result).submission().getOrgCode()).isEqualTo(codes.get(i));
            }
        }
        assertThat(heard).containsExactlyElementsOf(summary.results());
    }
}
