package org.itapipe.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.itapipe.ingest.auth.ApiKey;
import org.itapipe.ingest.auth.Authentication;
import org.itapipe.ingest.auth.KeyDirectory;
import org.itapipe.ingest.auth.RateLimiter;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.ingest.parse.JsonSubmissionMapper;
import org.itapipe.ingest.parse.ParsedRecord;
import org.itapipe.ingest.publish.PublishUnavailableException;
import org.itapipe.ingest.publish.PublishOutcome;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.Rules;
import org.itapipe.ingest.validation.SubmissionValidator;
import org.itapipe.ingest.validation.Validation;
import org.itapipe.schemas.avro.Flag;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.service.HealthCheck;
import org.itapipe.service.Https;
import org.itapipe.service.OperationsServer;
import org.itapipe.schemas.methodology.ScoreCard;
import org.itapipe.schemas.methodology.SubmissionScores;

/**
 * The ingest HTTP API. Every {@code /api/} route needs an API key ({@code Authorization: Bearer ita_...}); a key
 * may submit only inside its scope and at its rate. A submission is answered 202 only after Kafka acknowledged it;
 * when Kafka does not answer in time the answer is 503 with Retry-After, never 202. A revision at or below the
 * current one of its organization and year, as far as this instance knows, is answered 409 naming the next revision
 * to use (docs/revisions.md). The OpenAPI document is {@code /openapi.json}.
 */
public final class IngestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final String KEY_ATTRIBUTE = "itapipe.apiKey";
    private static final int RETRY_AFTER_SECONDS = 5;

    private final SubmissionValidator validator;
    private final BulkImport bulkImport;
    private final MethodologyCatalog methodologies;
    private final SubmissionPublisher publisher;
    private final KeyDirectory keys;
    private final RateLimiter rateLimiter;
    private final HealthCheck kafka;
    private final BulkImport.Admission revisions;
    private final IngestSettings settings;
    private final IngestMetrics metrics = new IngestMetrics();
    private final Javalin app;

    public IngestServer(IngestSettings settings, SubmissionValidator validator, BulkImport bulkImport,
                        MethodologyCatalog methodologies, SubmissionPublisher publisher, KeyDirectory keys,
                        HealthCheck kafka, BulkImport.Admission revisions) {
        this.settings = settings;
        this.validator = validator;
        this.bulkImport = bulkImport;
        this.methodologies = methodologies;
        this.publisher = publisher;
        this.keys = keys;
        this.rateLimiter = new RateLimiter(settings.ratePerSecond(), settings.rateBurst());
        this.kafka = kafka;
        this.revisions = revisions;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.jsonMapper(new JavalinJackson(JSON, false));
            settings.tls().ifPresent(tls -> Https.listen(config, settings.http(), tls));
        });
        routes();
    }

    private void routes() {
        app.before(ctx -> ctx.attribute("itapipe.start", System.nanoTime()));
        app.before("/api/*", this::authenticate);
        app.post("/api/v1/submissions", this::submit);
        app.post("/api/v1/submissions/bulk", this::submitBulk);
        app.get("/api/v1/methodology/{fiscalYear}", this::methodology);
        OperationsServer.addRoutes(app, Map.of("kafka", kafka), metrics.registry());
        app.get("/openapi.json", this::openApi);
        app.after(ctx -> {
            ApiKey key = ctx.attribute(KEY_ATTRIBUTE);
            if (key != null) {
                AuditLog.used(ctx, key);
            }
            Long start = ctx.attribute("itapipe.start");
            String route = ctx.endpointHandlerPath();
            metrics.request(route == null ? "unmatched" : route, ctx.statusCode(),
                    Duration.ofNanos(System.nanoTime() - (start == null ? System.nanoTime() : start)));
        });
        app.exception(PublishUnavailableException.class, (e, ctx) -> {
            metrics.submission("kafka_unavailable");
            ctx.status(503).header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                    .json(ApiError.of("the submission could not be made durable now; retry later: "
                            + e.getMessage()));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(ApiError.of(
                e.getStatus() == 413 ? "request body larger than " + settings.maxRequestBytes() + " bytes"
                        : e.getMessage())));
    }

    public IngestServer start() {
        OperationsServer.bind(app, settings.http());
        return this;
    }

    public int port() {
        return app.port();
    }

    private void authenticate(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        String presented = header.startsWith("Bearer ") ? header.substring(7).strip() : ctx.header("X-Api-Key");
        Authentication authentication = keys.authenticate(presented, Instant.now());
        if (authentication instanceof Authentication.Refused refused) {
            AuditLog.refused(ctx, refused);
            ctx.header("WWW-Authenticate", "Bearer").status(401)
                    .json(ApiError.of("a valid API key is required: send 'Authorization: Bearer ita_...' ("
                            + refused.reason() + ")"));
            ctx.skipRemainingHandlers();
            return;
        }
        ApiKey key = authentication.acceptedKey().orElseThrow();
        ctx.attribute(KEY_ATTRIBUTE, key); // from here on, every answer is audited as this key's
        Optional<Duration> wait = rateLimiter.acquire(key.id());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0));
            ctx.header("Retry-After", Long.toString(seconds)).status(429)
                    .json(ApiError.of("rate limit of " + settings.ratePerSecond() + " requests/s for this key "
                            + "reached; retry in " + seconds + " s"));
            ctx.skipRemainingHandlers();
        }
    }

    private void submit(Context ctx) throws Exception {
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        ParsedRecord parsed = JsonSubmissionMapper.parse(body, 1, SubmissionSource.API, "api:" + key(ctx).id());
        if (parsed instanceof ParsedRecord.Unreadable unreadable) {
            reject(ctx, unreadable.errors());
            return;
        }
        Validation validation = validator.validate(((ParsedRecord.Parsed) parsed).submission());
        if (validation instanceof Validation.Invalid invalid) {
            reject(ctx, invalid.errors());
            return;
        }
        ScoreSubmission submission = ((Validation.Valid) validation).submission();
        Optional<FieldError> outOfScope = scopeCheck(key(ctx)).check(submission);
        if (outOfScope.isPresent()) {
            metrics.submission("forbidden");
            ctx.status(403).json(ApiError.of(outOfScope.get().message()));
            return;
        }
        Optional<FieldError> refused = revisions.check(submission);
        if (refused.isPresent()) {
            metrics.submission("refused_revision");
            ctx.status(409).json(new ApiError(refused.get().message(), List.of(refused.get())));
            return;
        }
        PublishOutcome outcome = await(publisher.publish(submission));
        if (outcome instanceof PublishOutcome.DeadLettered dead) {
            metrics.submission("dead_lettered");
            ctx.status(500).json(ApiError.of("the submission was valid but could not be encoded; it is kept in the "
                    + "dead-letter topic for an operator: " + dead.reason()));
            return;
        }
        metrics.submission(submission.getFlags().isEmpty() ? "accepted" : "accepted_flagged");
        ctx.status(202).json(accepted(submission, (PublishOutcome.Published) outcome));
    }

    private void submitBulk(Context ctx) throws IOException {
        Optional<InputFormat> format = InputFormat.ofContentType(ctx.contentType());
        if (format.isEmpty() || format.get() == InputFormat.REPORT) {
            ctx.status(415).json(ApiError.of("send text/csv or application/x-ndjson"));
            return;
        }
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        ImportSummary summary = bulkImport.run(
                List.of(new ImportSource("api:" + key(ctx).id(), format.get(), () -> new StringReader(body))),
                admission(key(ctx)), Optional.of(publisher), result -> { });
        summary.results().forEach(result -> metrics.submission(result instanceof RecordResult.Rejected
                ? "rejected" : "accepted"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", summary.accepted());
        answer.put("rejected", summary.rejected());
        answer.put("flagged", summary.flagged());
        answer.put("results", summary.results().stream().map(IngestServer::rowResult).toList());
        ctx.status(200).json(answer);
    }

    private static Map<String, Object> rowResult(RecordResult result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("line", result.line());
        if (result instanceof RecordResult.Accepted accepted) {
            row.put("status", accepted.deadLetterReason() == null ? "accepted" : "dead-lettered");
            row.put("submissionId", accepted.submission().getSubmissionId());
            row.put("orgCode", accepted.submission().getOrgCode());
            row.put("flags", flags(accepted.submission()));
        } else {
            row.put("status", "rejected");
            row.put("errors", ((RecordResult.Rejected) result).errors());
        }
        return row;
    }

    private void methodology(Context ctx) {
        String year = ctx.pathParam("fiscalYear");
        Optional<?> methodology = year.matches("\\d{4}") ? methodologies.forYear(Integer.parseInt(year))
                : Optional.empty();
        if (methodology.isEmpty()) {
            ctx.status(404).json(ApiError.of("no methodology for fiscal year " + year + "; known years: "
                    + methodologies.years()));
            return;
        }
        ctx.json(methodology.get());
    }

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = IngestServer.class.getResourceAsStream("openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    private void reject(Context ctx, List<FieldError> errors) {
        metrics.submission("rejected");
        ctx.status(400).json(new ApiError("the submission breaks " + errors.size() + " rule(s)", errors));
    }

    private static ApiKey key(Context ctx) {
        return ctx.attribute(KEY_ATTRIBUTE);
    }

    /** A bulk row must be in the key's scope and pass the revision rule, as a single submission must. */
    private BulkImport.Admission admission(ApiKey key) {
        BulkImport.Admission scope = scopeCheck(key);
        return submission -> scope.check(submission).or(() -> revisions.check(submission));
    }

    private static BulkImport.Admission scopeCheck(ApiKey key) {
        return submission -> key.scope().covers(submission) ? Optional.empty()
                : Optional.of(new FieldError("orgCode", Rules.WITHIN_KEY_SCOPE, "API key " + key.id() + " (scope "
                        + key.scope().text() + ") may not submit for organization " + submission.getOrgCode()
                        + " (district " + submission.getDistrictCode() + ", province " + submission.getProvinceCode()
                        + ")"));
    }

    private PublishOutcome await(CompletableFuture<PublishOutcome> future) throws Exception {
        try {
            return future.get(settings.publishTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new PublishUnavailableException("no acknowledgement within " + settings.publishTimeout(), e);
        }
    }

    private Map<String, Object> accepted(ScoreSubmission submission, PublishOutcome.Published published) {
        ScoreCard card = SubmissionScores.card(submission, methodologies.require(submission.getFiscalYear()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("submissionId", submission.getSubmissionId());
        answer.put("orgCode", submission.getOrgCode());
        answer.put("fiscalYear", submission.getFiscalYear());
        answer.put("revision", submission.getRevision());
        answer.put("total", card.total().toPlainString());
        answer.put("level", card.level().nameTh());
        answer.put("flags", flags(submission));
        answer.put("partition", published.partition());
        answer.put("offset", published.offset());
        return answer;
    }

    private static List<Map<String, String>> flags(ScoreSubmission submission) {
        return submission.getFlags().stream().map((Flag flag) -> Map.of("field", flag.getField(), "rule",
                flag.getRule(), "message", flag.getMessage())).toList();
    }

    @Override
    public void close() {
        app.stop();
    }
}
