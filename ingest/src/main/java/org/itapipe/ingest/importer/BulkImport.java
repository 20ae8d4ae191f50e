package org.itapipe.ingest.importer;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.itapipe.ingest.parse.CsvSubmissionReader;
import org.itapipe.ingest.parse.NdjsonSubmissionReader;
import org.itapipe.ingest.parse.ParsedRecord;
import org.itapipe.ingest.parse.ReportReader;
import org.itapipe.ingest.parse.SubmissionReader;
import org.itapipe.ingest.publish.PublishUnavailableException;
import org.itapipe.ingest.publish.PublishOutcome;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.Rules;
import org.itapipe.ingest.validation.SubmissionValidator;
import org.itapipe.ingest.validation.Validation;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.organizations.OrganizationRegistry;

/**
 * Imports many submissions at once, for the CLI and the bulk API. Every record is read first, so that
 * organization-year pairs given more than once in one request can be rejected before any is sent (all of them: which
 * one is meant cannot be told). Then a chunk at a time is validated on every core and its accepted records are sent,
 * asynchronously, while the next chunk is validated; at the end every acknowledgement is awaited. A dry run sends
 * nothing.
 */
public final class BulkImport {

    /**
     * Records validated together, and encoded together before they are sent, on every core; progress advances a
     * chunk at a time while validating.
     */
    private static final int CHUNK = 1_000;

    private final SubmissionValidator validator;
    private final OrganizationRegistry organizations;

    public BulkImport(SubmissionValidator validator, OrganizationRegistry organizations) {
        this.validator = validator;
        this.organizations = organizations;
    }

    /**
     * @param admitted  extra check on valid submissions (the API key's scope); empty = admitted, else the error
     * @param publisher empty for a dry run
     * @param progress  called once per record validated (in input order), and once per record published
     */
    public ImportSummary run(List<ImportSource> sources, Admission admitted, Optional<SubmissionPublisher> publisher,
                             Consumer<RecordResult> progress) throws IOException {
        long started = System.nanoTime();
        List<SourcedRecord> records = readAll(sources);
        Map<String, Integer> organizationYears = new HashMap<>();
        records.forEach(record -> organizationYear(record.record())
                .ifPresent(key -> organizationYears.merge(key, 1, Integer::sum)));
        long reading = System.nanoTime();
        Optional<Sending> sending = publisher.map(Sending::new);
        List<RecordResult> results = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += CHUNK) {
            // Validating (scoring, building Avro) a record needs nothing of the others, so a chunk is validated on
            // every core. The results keep the input order.
            List<RecordResult> validated = records.subList(from, Math.min(from + CHUNK, records.size()))
                    .parallelStream().map(record -> refuseIfRepeated(record, validate(record, admitted),
                            organizationYears)).toList();
            validated.forEach(progress);
            results.addAll(validated);
            if (sending.isPresent() && !sending.get().send(validated, progress)) {
                break;
            }
        }
        List<RecordResult> outcome = sending.isPresent() ? sending.get().awaitAll() : results;
        return new ImportSummary(outcome, publisher.isEmpty(), Duration.ofNanos(reading - started),
                Duration.ofNanos(System.nanoTime() - reading));
    }

    /** A check of a valid submission beyond the validator's rules; an empty result admits it. */
    @FunctionalInterface
    public interface Admission {
        Optional<FieldError> check(ScoreSubmission submission);

        Admission ALL = submission -> Optional.empty();
    }

    /** A record as read, with the name of the source it came from. */
    private record SourcedRecord(String source, ParsedRecord record) {
    }

    private List<SourcedRecord> readAll(List<ImportSource> sources) throws IOException {
        List<SourcedRecord> all = new ArrayList<>();
        for (ImportSource source : sources) {
            try (Reader reader = source.opener().open(); Stream<ParsedRecord> records = readerFor(source.format())
                    .read(reader, source.name())) {
                records.forEach(record -> all.add(new SourcedRecord(source.name(), record)));
            }
        }
        return all;
    }

    private RecordResult validate(SourcedRecord sourced, Admission admitted) {
        String source = sourced.source();
        ParsedRecord record = sourced.record();
        if (record instanceof ParsedRecord.Unreadable unreadable) {
            return new RecordResult.Rejected(source, record.line(), unreadable.errors());
        }
        ParsedRecord.Parsed parsed = (ParsedRecord.Parsed) record;
        Validation validation = validator.validate(parsed.submission());
        if (validation instanceof Validation.Invalid invalid) {
            return new RecordResult.Rejected(source, record.line(), invalid.errors());
        }
        ScoreSubmission submission = ((Validation.Valid) validation).submission();
        Optional<FieldError> refused = admitted.check(submission);
        return refused.<RecordResult>map(error -> new RecordResult.Rejected(source, record.line(), List.of(error)))
                .orElseGet(() -> new RecordResult.Accepted(source, record.line(), submission, parsed.notes(), null));
    }

    /**
     * An organization and year given more than once is refused in every row that gives it, also where one of those
     * rows is invalid for another reason: which row the user meant is not ours to guess.
     */
    private static RecordResult refuseIfRepeated(SourcedRecord record, RecordResult result,
                                                 Map<String, Integer> organizationYears) {
        return organizationYear(record.record()).filter(key -> organizationYears.get(key) > 1)
                .<RecordResult>map(key -> {
                    List<FieldError> errors = new ArrayList<>(result instanceof RecordResult.Rejected rejected
                            ? rejected.errors() : List.of());
                    errors.add(new FieldError("orgCode", Rules.DUPLICATE_IN_REQUEST, "organization "
                            + key.replace('/', ' ') + " appears " + organizationYears.get(key) + " times in this "
                            + "request: send one row per organization and year (a correction is a later request)"));
                    return new RecordResult.Rejected(result.source(), result.line(), errors);
                }).orElse(result);
    }

    /** The organization and year a record names, where it could be read, whether or not it is valid. */
    private static Optional<String> organizationYear(ParsedRecord record) {
        if (record instanceof ParsedRecord.Parsed parsed && parsed.submission().orgCode() != null
                && parsed.submission().fiscalYear() != null) {
            return Optional.of(parsed.submission().orgCode().strip() + "/" + parsed.submission().fiscalYear().strip());
        }
        return Optional.empty();
    }

    /**
     * Sends accepted records a chunk at a time as they are validated, without waiting, encoded on every core and sent
     * in input order, and in the end awaits every acknowledgement. The first send that fails because Kafka is
     * unavailable stops the sending: the records after it would only wait out the same timeout.
     */
    private static final class Sending {

        private final SubmissionPublisher publisher;
        private final List<CompletableFuture<RecordResult>> pending = new ArrayList<>();

        Sending(SubmissionPublisher publisher) {
            this.publisher = publisher;
        }

        /** False once a send failed at once (Kafka unavailable): nothing more should be sent. */
        boolean send(List<RecordResult> chunk, Consumer<RecordResult> progress) {
            Iterator<SubmissionPublisher.Encoded> encoded = publisher.encodeAll(chunk.stream()
                    .filter(RecordResult.Accepted.class::isInstance)
                    .map(result -> ((RecordResult.Accepted) result).submission()).toList()).iterator();
            for (RecordResult result : chunk) {
                if (!(result instanceof RecordResult.Accepted accepted)) {
                    pending.add(CompletableFuture.completedFuture(result));
                    continue;
                }
                CompletableFuture<PublishOutcome> sent = publisher.publish(encoded.next());
                pending.add(sent.thenApply(outcome -> {
                    RecordResult done = outcome instanceof PublishOutcome.DeadLettered dead
                            ? new RecordResult.Accepted(accepted.source(), accepted.line(), accepted.submission(),
                                    accepted.notes(), dead.reason())
                            : result;
                    progress.accept(done);
                    return done;
                }));
                if (sent.isCompletedExceptionally()) {
                    return false;
                }
            }
            return true;
        }

        /** Every record's outcome in input order, once all are acknowledged. */
        List<RecordResult> awaitAll() {
            publisher.flush();
            try {
                return pending.stream().map(CompletableFuture::join).toList();
            } catch (CompletionException e) {
                if (e.getCause() instanceof PublishUnavailableException unavailable) {
                    throw unavailable;
                }
                throw e;
            }
        }
    }

    private SubmissionReader readerFor(InputFormat format) {
        return switch (format) {
            case CSV -> new CsvSubmissionReader(SubmissionSource.CSV_IMPORT);
            case NDJSON -> new NdjsonSubmissionReader(SubmissionSource.NDJSON_IMPORT);
            case REPORT -> new ReportReader(organizations);
        };
    }
}
