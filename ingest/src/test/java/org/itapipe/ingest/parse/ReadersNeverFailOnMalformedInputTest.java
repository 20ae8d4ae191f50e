package org.itapipe.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.time.Duration;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.itapipe.ingest.Fixtures;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.Rules;
import org.itapipe.ingest.validation.SubmissionValidator;
import org.itapipe.ingest.validation.Validation;
import org.itapipe.schemas.avro.SubmissionSource;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing: valid inputs mutated at random (bytes replaced, deleted, duplicated, cut, quotes and separators thrown in)
 * must come out as records or validation errors, never as another exception and never as a hang.
 */
class ReadersNeverFailOnMalformedInputTest {

    private static final int RUNS = 400;
    private static final Set<String> KNOWN_RULES = Arrays.stream(Rules.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(ReadersNeverFailOnMalformedInputTest::constant).collect(Collectors.toSet());
    private static final String ALPHABET = ",\"\n\t{}[]:0123456789.-๐๙eoiabc ก\u0000\uFFFF";
    private final SubmissionValidator validator = Fixtures.validator();

    @Test
    void mutatedCsvYieldsOnlyRecordsAndErrors() {
        String valid = Fixtures.csv(Fixtures.seedRow("6190803", "1"), Fixtures.seedRow("6190804", "2"));
        fuzz(valid, new CsvSubmissionReader(SubmissionSource.CSV_IMPORT), 1);
    }

    @Test
    void mutatedNdjsonYieldsOnlyRecordsAndErrors() {
        String valid = "{\"orgCode\":\"6190803\",\"fiscalYear\":2568,\"indicators\":{\"1\":100,\"2\":100,\"3\":100,"
                + "\"4\":100,\"5\":100,\"6\":99.33,\"7\":99.33,\"8\":99.33,\"9\":82.5,\"10\":90},\"items\":{\"o5\":50}}\n";
        fuzz(valid + valid, new NdjsonSubmissionReader(SubmissionSource.NDJSON_IMPORT), 2);
    }

    @Test
    void mutatedReportTextYieldsOnlyRecordsAndErrors() {
        fuzz(Fixtures.seedReport(), new ReportReader(Fixtures.ORGANIZATIONS), 3);
    }

    private void fuzz(String valid, SubmissionReader reader, long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            String input = mutate(valid, random);
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                List<ParsedRecord> records = reader.read(new StringReader(input), "fuzz").toList();
                for (ParsedRecord record : records) {
                    List<FieldError> errors = record instanceof ParsedRecord.Unreadable unreadable
                            ? unreadable.errors()
                            : validator.validate(((ParsedRecord.Parsed) record).submission())
                                    instanceof Validation.Invalid invalid ? invalid.errors() : List.of();
                    assertThat(errors).allSatisfy(ReadersNeverFailOnMalformedInputTest::namesItsFieldAndRule);
                }
            }, () -> "input:\n" + input);
        }
    }

    /** What a user is told: the field, one of the documented rules, and a sentence. */
    static void namesItsFieldAndRule(FieldError error) {
        assertThat(error.field()).as("field of %s", error).isNotBlank();
        assertThat(error.rule()).as("rule of %s", error).isIn(KNOWN_RULES);
        assertThat(error.message()).as("message of %s", error).isNotBlank().doesNotContain("Exception");
    }

    private static String mutate(String valid, Random random) {
        StringBuilder text = new StringBuilder(valid);
        int mutations = 1 + random.nextInt(8);
        for (int i = 0; i < mutations && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> text.deleteCharAt(at);
                case 2 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 3 -> text.setLength(at);
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
            }
        }
        return text.toString();
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
