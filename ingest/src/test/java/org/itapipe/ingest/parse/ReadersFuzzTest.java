package org.itapipe.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.itapipe.ingest.Fixtures;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.SubmissionValidator;
import org.itapipe.ingest.validation.Validation;
import org.itapipe.schemas.avro.SubmissionSource;

/**
 * Coverage-guided fuzzing (Jazzer) of every door a file or a request comes in by: CSV, NDJSON, one JSON submission,
 * a report's text and a report's PDF. Whatever the bytes, a reader yields records or validation errors that name
 * their field and rule; a PDF is read or refused with an IOException, which the import reports in one line. Any
 * other exception, or a hang, is a finding.
 *
 * <p>The README's test command fuzzes for the annotation's budget (surefire's {@code fuzz} execution sets
 * {@code JAZZER_FUZZ}); without it the test replays its findings and seeds only. docs/reliability.md says how to
 * fuzz longer.
 */
class ReadersFuzzTest {

    private static final SubmissionReader CSV = new CsvSubmissionReader(SubmissionSource.CSV_IMPORT);
    private static final SubmissionReader NDJSON = new NdjsonSubmissionReader(SubmissionSource.NDJSON_IMPORT);
    private static final SubmissionReader REPORT = new ReportReader(Fixtures.ORGANIZATIONS);
    private static final SubmissionValidator VALIDATOR = Fixtures.validator();

    @FuzzTest(maxDuration = "40s")
    void everyReaderYieldsOnlyRecordsAndValidationErrors(FuzzedDataProvider data) {
        int door = data.consumeInt(0, 4);
        if (door == 4) {
            try {
                assertThat(PdfText.of("fuzz.pdf", data.consumeRemainingAsBytes())).isNotNull();
            } catch (IOException refused) {
                assertThat(refused.getMessage()).startsWith("fuzz.pdf ");
            }
            return;
        }
        String input = data.consumeRemainingAsString();
        List<ParsedRecord> records = switch (door) {
            case 0 -> CSV.read(new StringReader(input), "fuzz").toList();
            case 1 -> NDJSON.read(new StringReader(input), "fuzz").toList();
            case 2 -> REPORT.read(new StringReader(input), "fuzz").toList();
            default -> List.of(JsonSubmissionMapper.parse(input, 1, SubmissionSource.API, "fuzz"));
        };
        for (ParsedRecord record : records) {
            List<FieldError> errors = record instanceof ParsedRecord.Unreadable unreadable ? unreadable.errors()
                    : VALIDATOR.validate(((ParsedRecord.Parsed) record).submission()) instanceof Validation.Invalid
                            invalid ? invalid.errors() : List.of();
            errors.forEach(ReadersNeverFailOnMalformedInputTest::namesItsFieldAndRule);
        }
    }
}
