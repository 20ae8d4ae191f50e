package org.itapipe.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.itapipe.ingest.Fixtures;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.RawSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.ingest.validation.Rules;
import org.junit.jupiter.api.Test;

class CsvSubmissionReaderTest {

    private final CsvSubmissionReader reader = new CsvSubmissionReader(SubmissionSource.CSV_IMPORT);

    private List<ParsedRecord> read(String csv) {
        return reader.read(new StringReader(csv), "scores.csv").toList();
    }

    @Test
    void eachRowBecomesASubmissionWithItsLineNumber() {
        List<ParsedRecord> records = read(Fixtures.csv(Fixtures.seedRow("6190803", "1"), Fixtures.seedRow("6190804", "")));

        assertThat(records).hasSize(2).allMatch(record -> record instanceof ParsedRecord.Parsed);
        RawSubmission second = ((ParsedRecord.Parsed) records.get(1)).submission();
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(second.orgCode()).isEqualTo("6190804");
        assertThat(second.revision()).isNull();
        assertThat(second.indicators()).hasSize(10);
        assertThat(second.items()).extracting(RawSubmission.RawItem::code).containsExactly("o5", "o25");
        assertThat(second.sourceReference()).isEqualTo("scores.csv:3");
    }

    @Test
    void anUnknownColumnRejectsTheFileNamingTheColumn() {
        List<ParsedRecord> records = read("org_code,fiscal_year,ind_1,score_total\n190802,2568,1,2\n");

        assertThat(records).singleElement().isInstanceOfSatisfying(ParsedRecord.Unreadable.class, unreadable ->
                assertThat(unreadable.errors()).extracting(FieldError::field).containsExactly("header[score_total]"));
    }

    @Test
    void aRowWithTooFewCellsIsUnreadableAndTheOthersStillRead() {
        List<ParsedRecord> records = read(Fixtures.csv("6190803,2568", Fixtures.seedRow("6190804", "")));

        assertThat(records.get(0)).isInstanceOf(ParsedRecord.Unreadable.class);
        assertThat(records.get(1)).isInstanceOf(ParsedRecord.Parsed.class);
    }

    @Test
    void aRepeatedColumnIsAnError() {
        assertThat(read("org_code,fiscal_year,ind_1,IND_1\n1,2,3,4\n")).singleElement()
                .isInstanceOfSatisfying(ParsedRecord.Unreadable.class, unreadable ->
                        assertThat(unreadable.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("header[IND_1]");
                            assertThat(error.rule()).isEqualTo(Rules.COLUMN_ONCE);
                        }));
    }
}
