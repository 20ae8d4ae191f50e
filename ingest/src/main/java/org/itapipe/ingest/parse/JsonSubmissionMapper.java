package org.itapipe.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.RawSubmission;
import org.itapipe.ingest.validation.RawSubmission.RawItem;
import org.itapipe.ingest.validation.RawSubmission.RawScore;
import org.itapipe.ingest.validation.Rules;
import org.itapipe.schemas.avro.SubmissionSource;

/**
 * The JSON form of a submission, shared by the HTTP API and NDJSON files:
 * <pre>{"orgCode":"6190803","fiscalYear":2568,"revision":2,
 *  "indicators":{"1":100,"2":"100.00",...,"10":90},"items":{"o5":50,"o25":"10.00"},
 *  "reportedTotal":"94.30","reportedLevel":"ผ่านดี","orgNameTh":"..."}</pre>
 * Numbers are read as exact decimals (never doubles), so 94.3 and "94.30" are the same score. Unknown fields and
 * repeated keys are errors naming the field.
 */
public final class JsonSubmissionMapper {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> FIELDS = Set.of("orgCode", "orgNameTh", "fiscalYear", "revision", "indicators",
            "items", "reportedTotal", "reportedLevel");

    private JsonSubmissionMapper() {
    }

    /** Parses one JSON document; the result is a submission to validate or the reasons it cannot be read. */
    public static ParsedRecord parse(String json, int line, SubmissionSource source, String reference) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return CsvSubmissionReader.unreadable(line, "body", "not valid JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // Jackson reads a number such as 4E7777777144 as a BigDecimal and refuses its exponent this way
            // (found by ReadersFuzzTest).
            return CsvSubmissionReader.unreadable(line, "body", "not valid JSON: a number out of range: "
                    + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return CsvSubmissionReader.unreadable(line, "body", "expected a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        node.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, Rules.UNKNOWN_FIELD, "unknown field '" + field + "'; known fields: "
                        + FIELDS.stream().sorted().toList()));
            }
        });
        List<RawScore> indicators = new ArrayList<>();
        objectEntries(node, "indicators", errors).forEach(e -> indicators.add(new RawScore(e.getKey(), e.getValue())));
        List<RawItem> items = new ArrayList<>();
        objectEntries(node, "items", errors).forEach(e -> items.add(new RawItem(e.getKey(), null, e.getValue())));
        List<String> scalars = new ArrayList<>();
        for (String field : List.of("orgCode", "orgNameTh", "fiscalYear", "revision", "reportedTotal", "reportedLevel")) {
            scalars.add(scalar(node, field, errors));
        }
        if (!errors.isEmpty()) {
            return new ParsedRecord.Unreadable(line, errors);
        }
        return new ParsedRecord.Parsed(line, new RawSubmission(scalars.get(0), scalars.get(1), scalars.get(2),
                scalars.get(3), indicators, items, scalars.get(4), scalars.get(5), source, reference, List.of()),
                List.of());
    }

    private static String scalar(JsonNode node, String field, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            errors.add(new FieldError(field, Rules.READABLE, "must be a string or a number"));
            return null;
        }
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }

    private static List<Map.Entry<String, String>> objectEntries(JsonNode node, String field, List<FieldError> errors) {
        JsonNode object = node.get(field);
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        if (object == null || object.isNull()) {
            return entries;
        }
        if (!object.isObject()) {
            errors.add(new FieldError(field, Rules.READABLE, "must be an object such as {\"1\": 100.00}"));
            return entries;
        }
        object.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull()) {
                errors.add(new FieldError(field + "[" + entry.getKey() + "]", Rules.READABLE,
                        "must be a score such as 94.30"));
            } else {
                entries.add(Map.entry(entry.getKey(),
                        value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText()));
            }
        });
        return entries;
    }
}
