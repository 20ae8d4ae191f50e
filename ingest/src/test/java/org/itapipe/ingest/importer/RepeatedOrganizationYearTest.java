package org.itapipe.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.Rules;
import org.junit.jupiter.api.Test;

/** One organization and year twice in one import: neither row is published, whichever of them was valid. */
class RepeatedOrganizationYearTest {

    private static final String HEADER = "org_code,fiscal_year,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,ind_8,ind_9,"
            + "ind_10\n";
    private static final String VALID_ROW = "6190803,2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\n";

    @Test
    void aRepeatIsRejectedEvenWhenTheFirstRowWasInvalidForAnotherReason() throws Exception {
        ImportSummary summary = dryRun(HEADER
                + "6190803,2568,100,100,100,100,100,99.33,99.33,99.33,182.50,90\n"
                + VALID_ROW
                + "6190804,2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\n");

        assertThat(summary.results()).hasSize(3);
        RecordResult.Rejected first = (RecordResult.Rejected) summary.results().get(0);
        assertThat(first.errors()).extracting(FieldError::rule).hasSize(2).contains(Rules.DUPLICATE_IN_REQUEST);
        RecordResult.Rejected repeat = (RecordResult.Rejected) summary.results().get(1);
        assertThat(repeat.line()).isEqualTo(3);
        assertThat(repeat.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("orgCode");
            assertThat(error.rule()).isEqualTo(Rules.DUPLICATE_IN_REQUEST);
            assertThat(error.message()).startsWith("organization 6190803 2568 appears 2 times in this request");
        });
        assertThat(summary.results().get(2)).isInstanceOf(RecordResult.Accepted.class);
    }

    @Test
    void anOrganizationInTwoYearsIsNoRepeat() throws Exception {
        ImportSummary summary = dryRun(HEADER + VALID_ROW + VALID_ROW.replace(",2568,", ",2567,"));

        assertThat(summary.results()).allMatch(RecordResult.Accepted.class::isInstance);
    }

    private static ImportSummary dryRun(String csv) throws Exception {
        return IngestApplication.ReferenceData.standard().bulkImport().run(List.of(new ImportSource("scores.csv",
                InputFormat.CSV, () -> new StringReader(csv))), BulkImport.Admission.ALL, Optional.empty(),
                result -> { });
    }
}
