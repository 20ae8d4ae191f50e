package org.itapipe.ingest.parse;

import java.io.Reader;
import java.util.stream.Stream;

/**
 * Turns one input (a file or a request body) into records. Readers never throw on bad input: whatever cannot be
 * read comes out as {@link ParsedRecord.Unreadable} with the line and the reason.
 */
public sealed interface SubmissionReader permits CsvSubmissionReader, NdjsonSubmissionReader, ReportReader {

    /** @param sourceName file name or request id, quoted in each record's source reference */
    Stream<ParsedRecord> read(Reader input, String sourceName);
}
