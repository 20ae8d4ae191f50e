package org.itapipe.ingest.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.RawSubmission;
import org.itapipe.ingest.validation.RawSubmission.RawItem;
import org.itapipe.ingest.validation.RawSubmission.RawScore;
import org.itapipe.ingest.validation.Rules;
import org.itapipe.schemas.avro.SubmissionSource;

/**
 * CSV with a header row, one row per organization and year:
 * {@code org_code, fiscal_year, ind_1 .. ind_10} (required), {@code org_name_th, revision, reported_total,
 * reported_level} (optional) and one column per item, named by its code ({@code i1}, {@code e3}, {@code o25}; an empty
 * cell means the item is not given). Any other column rejects the file, naming the column.
 */
public final class CsvSubmissionReader implements SubmissionReader {

    private static final Pattern INDICATOR_COLUMN = Pattern.compile("ind_(\\d{1,2})");
    private static final Pattern ITEM_COLUMN = Pattern.compile("[ieo]\\d{1,2}");
    private static final List<String> NAMED_COLUMNS =
            List.of("org_code", "org_name_th", "fiscal_year", "revision", "reported_total", "reported_level");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private final SubmissionSource source;

    public CsvSubmissionReader(SubmissionSource source) {
        this.source = source;
    }

    @Override
    public Stream<ParsedRecord> read(Reader input, String sourceName) {
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(input).setFormat(FORMAT).get();
        } catch (IOException | RuntimeException e) {
            return Stream.of(unreadable(1, "header", "the header row cannot be read: " + e.getMessage()));
        }
        List<String> header = parser.getHeaderNames();
        List<FieldError> headerErrors = headerErrors(header);
        if (!headerErrors.isEmpty()) {
            return Stream.of(new ParsedRecord.Unreadable(1, headerErrors));
        }
        Iterator<CSVRecord> records = parser.iterator();
        Columns columns = Columns.of(header);
        Iterator<ParsedRecord> parsed = new Iterator<>() {
            private boolean broken;
            private RuntimeException failure;

            @Override
            public boolean hasNext() {
                if (broken) {
                    return false;
                }
                try {
                    return failure != null || records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    failure = e;
                    return true;
                }
            }

            @Override
            public ParsedRecord next() {
                long line = parser.getCurrentLineNumber() + 1;
                try {
                    if (failure != null) {
                        throw failure;
                    }
                    return toRecord(records.next(), columns, sourceName);
                } catch (UncheckedIOException | IllegalStateException e) {
                    broken = true;
                    return unreadable((int) line, "row", "malformed CSV from here on: " + e.getMessage());
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(parsed, Spliterator.ORDERED), false)
                .onClose(() -> close(parser));
    }

    private static List<FieldError> headerErrors(List<String> header) {
        List<FieldError> errors = new ArrayList<>();
        for (String column : header) {
            String name = column.toLowerCase(Locale.ROOT);
            if (!NAMED_COLUMNS.contains(name) && !INDICATOR_COLUMN.matcher(name).matches()
                    && !ITEM_COLUMN.matcher(name).matches()) {
                errors.add(new FieldError("header[" + column + "]", Rules.UNKNOWN_FIELD, "unknown column '" + column
                        + "'; expected org_code, fiscal_year, ind_1..ind_10, item codes such as o5, or "
                        + String.join(", ", NAMED_COLUMNS.stream()
                                .filter(named -> !named.equals("org_code") && !named.equals("fiscal_year")).toList())));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("header[" + column + "]", Rules.COLUMN_ONCE, "column " + column
                        + " appears more than once"));
            }
        }
        for (String required : List.of("org_code", "fiscal_year")) {
            if (header.stream().noneMatch(required::equalsIgnoreCase)) {
                errors.add(new FieldError("header[" + required + "]", Rules.REQUIRED, "column " + required
                        + " is missing"));
            }
        }
        return errors;
    }

    /** What each column holds, worked out once per file from the header. */
    private record Columns(List<String> names, Map<String, Integer> named, List<Integer> indicatorColumns,
                           List<String> indicatorKeys, List<Integer> itemColumns, List<String> itemCodes) {

        static Columns of(List<String> header) {
            Map<String, Integer> named = new HashMap<>();
            List<Integer> indicatorColumns = new ArrayList<>();
            List<String> indicatorKeys = new ArrayList<>();
            List<Integer> itemColumns = new ArrayList<>();
            List<String> itemCodes = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i).toLowerCase(Locale.ROOT);
                Matcher indicator = INDICATOR_COLUMN.matcher(column);
                if (indicator.matches()) {
                    indicatorColumns.add(i);
                    indicatorKeys.add(indicator.group(1));
                } else if (ITEM_COLUMN.matcher(column).matches()) {
                    itemColumns.add(i);
                    itemCodes.add(column);
                } else {
                    named.put(column, i);
                }
            }
            return new Columns(header, named, indicatorColumns, indicatorKeys, itemColumns, itemCodes);
        }

        String cell(CSVRecord row, String column) {
            Integer index = named.get(column);
            if (index == null) {
                return null;
            }
            String value = row.get(index);
            return value.isEmpty() ? null : value;
        }
    }

    private ParsedRecord toRecord(CSVRecord row, Columns columns, String sourceName) {
        int line = (int) row.getRecordNumber() + 1;
        // Compared with the header as written: isConsistent() counts distinct header names, so a header with a
        // repeated name let a short row through to an index past its end (found by the mutation test).
        if (row.size() != columns.names().size()) {
            return unreadable(line, "row", "row has " + row.size() + " cells, the header has " + columns.names().size());
        }
        List<RawScore> indicators = new ArrayList<>(columns.indicatorColumns().size());
        for (int i = 0; i < columns.indicatorColumns().size(); i++) {
            indicators.add(new RawScore(columns.indicatorKeys().get(i), row.get(columns.indicatorColumns().get(i))));
        }
        List<RawItem> items = new ArrayList<>(columns.itemColumns().size());
        for (int i = 0; i < columns.itemColumns().size(); i++) {
            String value = row.get(columns.itemColumns().get(i));
            if (!value.isEmpty()) {
                items.add(new RawItem(columns.itemCodes().get(i), null, value));
            }
        }
        return new ParsedRecord.Parsed(line, new RawSubmission(columns.cell(row, "org_code"),
                columns.cell(row, "org_name_th"), columns.cell(row, "fiscal_year"), columns.cell(row, "revision"),
                indicators, items, columns.cell(row, "reported_total"), columns.cell(row, "reported_level"),
                source, sourceName + ":" + line, List.of()), List.of());
    }

    static ParsedRecord unreadable(int line, String field, String message) {
        return new ParsedRecord.Unreadable(line, List.of(new FieldError(field, Rules.READABLE, message)));
    }

    private static void close(CSVParser parser) {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Closing a reader over memory or a file we opened: nothing to report.
        }
    }
}
