package org.itapipe.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.RawSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.junit.jupiter.api.Test;

class JsonSubmissionMapperTest {

    private static ParsedRecord parse(String json) {
        return JsonSubmissionMapper.parse(json, 1, SubmissionSource.API, "test");
    }

    @Test
    void numbersAreReadAsExactDecimals() {
        ParsedRecord record = parse("{\"orgCode\":\"6190803\",\"fiscalYear\":2568,\"indicators\":{\"9\":82.5,"
                + "\"10\":0.1},\"items\":{\"o25\":\"10.00\"}}");

        RawSubmission raw = ((ParsedRecord.Parsed) record).submission();
        assertThat(raw.indicators()).extracting(RawSubmission.RawScore::score).containsExactly("82.5", "0.1");
        assertThat(raw.fiscalYear()).isEqualTo("2568");
    }

    @Test
    void unknownFieldsAreRejectedByName() {
        ParsedRecord record = parse("{\"orgCode\":\"1\",\"total\":94.3}");

        assertThat(record).isInstanceOfSatisfying(ParsedRecord.Unreadable.class, unreadable ->
                assertThat(unreadable.errors()).extracting(FieldError::field).containsExactly("total"));
    }

    @Test
    void aNumberWhoseExponentOverflowsIsUnreadableNotAnException() {
        // ReadersFuzzTest's first finding: Jackson threw a NumberFormatException out of the mapper.
        assertThat(parse("{\"indicators\":{\"1\":444444E7777777144}}")).isInstanceOfSatisfying(
                ParsedRecord.Unreadable.class, unreadable -> assertThat(unreadable.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("body");
                            assertThat(error.message()).startsWith("not valid JSON: a number out of range");
                        }));
    }

    @Test
    void aRepeatedKeyIsRejected() {
        assertThat(parse("{\"indicators\":{\"1\":90,\"1\":80}}")).isInstanceOf(ParsedRecord.Unreadable.class);
    }

    @Test
    void nestedValuesWhereAScoreBelongsAreRejectedWithThePath() {
        ParsedRecord record = parse("{\"indicators\":{\"1\":{\"score\":90}}}");

        assertThat(record).isInstanceOfSatisfying(ParsedRecord.Unreadable.class, unreadable ->
                assertThat(unreadable.errors()).extracting(FieldError::field).containsExactly("indicators[1]"));
    }
}
