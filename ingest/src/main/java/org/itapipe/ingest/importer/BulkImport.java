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
 * Imports many submissions at once, for the CLI and the bulk API. Two passes: every record is read and validated
 * first (the validation on every core), so that organization-year pairs given more than once in one request can be
 * rejected (all of them: which one is meant cannot be told); then the accepted ones are published, asynchronously,
 * and awaited. A dry run stops after the first pass.
 */
public final class BulkImport {

    /**
     * Records read before they are validated together, and encoded together before they are sent, on every core;
     * progress advances a chunk at a time while validating.
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
     * @param progress  called once per record validated (in input order), then once per record published
     */
    public ImportSummary run(List<ImportSource> sources, Admission admitted, Optional<SubmissionPublisher> publisher,
                             Consumer<RecordResult> progress) throws IOException {
        long started = System.nanoTime();
        List<RecordResult> results = new ArrayList<>();
        List<Optional<String>> organizationYears = new ArrayList<>();
        for (ImportSource source : sources) {
            try (Reader reader = source.opener().open(); Stream<ParsedRecord> records = readerFor(source.format())
                    .read(reader, source.name())) {
                Iterator<ParsedRecord> next = records.iterator();
                while (next.hasNext()) {
                    List<ParsedRecord> chunk = new ArrayList<>(CHUNK);
                    while (next.hasNext() && chunk.size() < CHUNK) {
                        chunk.add(next.next());
                    }
                    // Reading is sequential; validating (scoring, building Avro) a record needs nothing of the
                    // others, so a chunk is validated on every core. The results keep the input order.
                    List<RecordResult> validated = chunk.parallelStream()
                            .map(record -> validate(source.name(), record, admitted)).toList();
                    for (int i = 0; i < chunk.size(); i++) {
                        results.add(validated.get(i));
                        organizationYears.add(organizationYear(chunk.get(i)));
                        progress.accept(validated.get(i));
                    }
                }
            }
        }
        List<RecordResult> checked = rejectRepeatedOrganizationYears(results, organizationYears);
        Duration validating = Duration.ofNanos(System.nanoTime() - started);
        if (publisher.isEmpty()) {
            return new ImportSummary(checked, true, validating, Duration.ZERO);
        }
        long publishing = System.nanoTime();
        List<RecordResult> published = publish(checked, publisher.get(), progress);
        return new ImportSummary(published, false, validating, Duration.ofNanos(System.nanoTime() - publishing));
    }

    /** A check of a valid submission beyond the validator's rules; an empty result admits it. */
    @FunctionalInterface
    public interface Admission {
        Optional<FieldError> check(ScoreSubmission submission);

        Admission ALL = submission -> Optional.empty();
    }

    private RecordResult validate(String source, ParsedRecord record, Admission admitted) {
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
    private static List<RecordResult> rejectRepeatedOrganizationYears(List<RecordResult> results,
                                                                      List<Optional<String>> organizationYears) {
        Map<String, Integer> counts = new HashMap<>();
        organizationYears.forEach(key -> key.ifPresent(present -> counts.merge(present, 1, Integer::sum)));
        List<RecordResult> checked = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            RecordResult result = results.get(i);
            Optional<String> repeated = organizationYears.get(i).filter(key -> counts.get(key) > 1);
            checked.add(repeated.<RecordResult>map(key -> {
                List<FieldError> errors = new ArrayList<>(result instanceof RecordResult.Rejected rejected
                        ? rejected.errors() : List.of());
                errors.add(new FieldError("orgCode", Rules.DUPLICATE_IN_REQUEST, "organization "
                        + key.replace('/', ' ') + " appears " + counts.get(key) + " times in this request: send one "
                        + "row per organization and year (a correction is a later request)"));
                return new RecordResult.Rejected(result.source(), result.line(), errors);
            }).orElse(result));
        }
        return checked;
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
     * Sends every accepted record without waiting, then awaits all acknowledgements. Records are encoded a chunk at a
     * time on every core and sent in input order. The first send that fails because Kafka is unavailable stops the
     * sending: the records after it would only wait out the same timeout.
     */
    private static List<RecordResult> publish(List<RecordResult> results, SubmissionPublisher publisher,
                                              Consumer<RecordResult> progress) {
        List<CompletableFuture<RecordResult>> pending = new ArrayList<>(results.size());
        sending:
        for (int from = 0; from < results.size(); from += CHUNK) {
            List<RecordResult> chunk = results.subList(from, Math.min(from + CHUNK, results.size()));
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
                    break sending;
                }
            }
        }
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

    private SubmissionReader readerFor(InputFormat format) {
        return switch (format) {
            case CSV -> new CsvSubmissionReader(SubmissionSource.CSV_IMPORT);
            case NDJSON -> new NdjsonSubmissionReader(SubmissionSource.NDJSON_IMPORT);
            case REPORT -> new ReportReader(organizations);
        };
    }
}
