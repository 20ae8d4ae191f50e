package org.itapipe.ingest.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.itapipe.schemas.avro.SubmissionSource;

/** Newline-delimited JSON: one submission object (see {@link JsonSubmissionMapper}) per line; blank lines skipped. */
public final class NdjsonSubmissionReader implements SubmissionReader {

    private record NumberedLine(int number, String text) {
    }

    private final SubmissionSource source;

    public NdjsonSubmissionReader(SubmissionSource source) {
        this.source = source;
    }

    @Override
    public Stream<ParsedRecord> read(Reader input, String sourceName) {
        BufferedReader lines = new BufferedReader(input);
        AtomicInteger number = new AtomicInteger();
        return lines.lines()
                .map(text -> new NumberedLine(number.incrementAndGet(), text))
                .filter(line -> !line.text().isBlank())
                .map(line -> JsonSubmissionMapper.parse(line.text(), line.number(), source,
                        sourceName + ":" + line.number()))
                .onClose(() -> {
                    try {
                        lines.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
