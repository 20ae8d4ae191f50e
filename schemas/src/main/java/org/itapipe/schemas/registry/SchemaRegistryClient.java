package org.itapipe.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.itapipe.config.RegistrySettings;

/**
 * A small client for the Confluent Schema Registry REST API, which Confluent Schema Registry, Karapace, Redpanda and
 * Apicurio ({@code /apis/ccompat/v7}) all serve. Confluent's own client jar is not available here, so this carries
 * exactly what the serde and the operators need.
 *
 * <p>Schemas by id and ids by (subject, schema) are cached forever: both mappings are immutable in a registry.
 * I/O errors and 5xx answers are retried with exponential backoff; other failures raise a {@link RegistryException}
 * subtype that says what went wrong, with the registry's own message.
 */
public final class SchemaRegistryClient implements SchemaRegistry {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Optional<String> authorization;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    /** How often and how patiently to retry I/O errors and 5xx answers. */
    public record RetryPolicy(int attempts, Duration firstBackoff, Duration requestTimeout) {
        public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    public SchemaRegistryClient(RegistrySettings settings) {
        this(settings, RetryPolicy.DEFAULT);
    }

    public SchemaRegistryClient(RegistrySettings settings, RetryPolicy retry) {
        String url = settings.url().toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = settings.usesBasicAuth()
                ? Optional.of("Basic " + Base64.getEncoder().encodeToString(
                        (settings.user() + ":" + settings.password().value()).getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        this.retry = retry;
        this.http = HttpClient.newBuilder().connectTimeout(retry.requestTimeout()).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = idsBySubjectSchema.get(new SubjectSchema(subject, schema));
        if (cached != null) {
            return cached;
        }
        int id = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).get("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    @Override
    public int idOf(String subject, Schema schema) {
        Integer cached = idsBySubjectSchema.get(new SubjectSchema(subject, schema));
        if (cached != null) {
            return cached;
        }
        int id = send("POST", "/subjects/" + encode(subject), schemaBody(schema)).get("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema fetched = new Schema.Parser().parse(send("GET", "/schemas/ids/" + id, null).get("schema").asText());
        Schema raced = schemasById.putIfAbsent(id, fetched);
        return raced != null ? raced : fetched;
    }

    /**
     * Whether {@code schema} may be registered next in {@code subject} under its compatibility setting. A subject
     * with no version yet accepts anything.
     */
    public boolean isCompatible(String subject, Schema schema) {
        try {
            return send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
                    .get("is_compatible").asBoolean();
        } catch (SchemaNotFoundException noVersionYet) {
            return true;
        }
    }

    /** The global compatibility level. */
    public Compatibility globalCompatibility() {
        return Compatibility.valueOf(send("GET", "/config", null).get("compatibilityLevel").asText());
    }

    /** The compatibility level set on {@code subject}; empty when the subject follows the global level. */
    public Optional<Compatibility> subjectCompatibility(String subject) {
        try {
            return Optional.of(Compatibility.valueOf(
                    send("GET", "/config/" + encode(subject), null).get("compatibilityLevel").asText()));
        } catch (SchemaNotFoundException followsGlobal) {
            return Optional.empty();
        }
    }

    public void setGlobalCompatibility(Compatibility level) {
        send("PUT", "/config", compatibilityBody(level));
    }

    public void setSubjectCompatibility(String subject, Compatibility level) {
        send("PUT", "/config/" + encode(subject), compatibilityBody(level));
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubjectSchema.put(new SubjectSchema(subject, schema), id);
        schemasById.putIfAbsent(id, schema);
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private static String compatibilityBody(Compatibility level) {
        return JSON.createObjectNode().put("compatibility", level.name()).toString();
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(retry.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        return withRetries(method + " " + path, request.build());
    }

    private JsonNode withRetries(String what, HttpRequest request) {
        Duration backoff = retry.firstBackoff();
        RegistryUnavailableException lastFailure = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = new RegistryUnavailableException("schema registry at " + baseUrl + " unreachable ("
                        + what + "): " + e, 0, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException("interrupted during " + what, 0, e);
            }
            int status = response.statusCode();
            if (status >= 500) {
                lastFailure = new RegistryUnavailableException("schema registry answered " + status + " to " + what
                        + ": " + registryMessage(response.body()), status, null);
                continue;
            }
            return parse(what, response);
        }
        throw lastFailure;
    }

    private static JsonNode parse(String what, HttpResponse<String> response) {
        int status = response.statusCode();
        String message = registryMessage(response.body());
        if (status >= 200 && status < 300) {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new RegistryRequestException("unreadable answer to " + what + ": " + response.body(), status);
            }
        }
        String detail = what + ": " + message;
        switch (status) {
            case 409 -> throw new IncompatibleSchemaException("schema is incompatible (" + detail + ")");
            case 404 -> throw new SchemaNotFoundException("not found (" + detail + ")");
            case 401, 403 -> throw new RegistryAccessDeniedException("access denied with status " + status + " ("
                    + detail + "): check registry.user and registry.password", status);
            default -> throw new RegistryRequestException("registry refused the request with status " + status
                    + " (" + detail + ")", status);
        }
    }

    /** The {@code message} field of a Confluent error body, else the body itself. */
    private static String registryMessage(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText();
            }
        } catch (IOException notJson) {
            // Fall through to the raw body.
        }
        return body == null || body.isBlank() ? "(empty body)" : body.strip();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while backing off", 0, e);
        }
    }
}
