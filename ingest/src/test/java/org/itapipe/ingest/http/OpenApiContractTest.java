package org.itapipe.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itapipe.config.Connections;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /openapi.json} is a valid OpenAPI 3.0 document (swagger-parser), every response of every route has a
 * schema, and what the running API answers matches the schema the document gives for that route and status
 * (networknt's JSON Schema validator).
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String VALID = "{\"orgCode\":\"6190803\",\"fiscalYear\":2568,\"indicators\":{\"1\":100,"
            + "\"2\":100,\"3\":100,\"4\":100,\"5\":100,\"6\":99.33,\"7\":99.33,\"8\":99.33,\"9\":82.5,\"10\":90}}";

    private final ApiKeyStore keys = ApiKeyStore.empty();
    private final String nationalKey = keys.create("NACC", new Scope.National()).plainText();
    private final String lopBuriKey = keys.create("Lop Buri office", new Scope.Province("16")).plainText();
    private IngestApplication ingest;
    private JsonNode document;

    @BeforeAll
    void start(Connections connections) throws Exception {
        ingest = IngestApplication.start(connections, new IngestSettings(new HttpEndpoint("127.0.0.1", 0,
                        "ingest.port"), 4 * 1024, 100, 100, Duration.ofSeconds(5), Path.of("unused-keys.json"), IngestSettings.KeysSource.FILE, Optional.empty()),
                IngestApplication.ReferenceData.standard(), keys, true, TopicSettings.SINGLE_BROKER);
        document = JSON.readTree(get("/openapi.json", null).body());
    }

    @AfterAll
    void stop() {
        ingest.close();
    }

    @Test
    void theDocumentIsValidOpenApiWithServersAndASchemaForEveryResponse() throws Exception {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(document), null, null);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getServers()).isNotEmpty();

        List<String> withoutSchema = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                operation.getValue().get("responses").fields().forEachRemaining(response -> {
                    JsonNode content = resolve(response.getValue()).path("content");
                    if (content.isEmpty() || !content.elements().next().has("schema")) {
                        withoutSchema.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                });
            }
        }
        assertThat(withoutSchema).as("responses without a schema").isEmpty();
    }

    @Test
    void everyAnswerTheTestCanProvokeMatchesItsDocumentedSchema() throws Exception {
        String big = "{\"orgCode\":\"" + "9".repeat(5_000) + "\"}";
        assertMatches("/api/v1/submissions", "post", post("/api/v1/submissions", nationalKey, "application/json",
                VALID), 202);
        assertMatches("/api/v1/submissions", "post", post("/api/v1/submissions", nationalKey, "application/json",
                VALID.replace("82.5", "82.505")), 400);
        assertMatches("/api/v1/submissions", "post", post("/api/v1/submissions", null, "application/json", VALID),
                401);
        assertMatches("/api/v1/submissions", "post", post("/api/v1/submissions", lopBuriKey, "application/json",
                VALID), 403);
        assertMatches("/api/v1/submissions", "post", post("/api/v1/submissions", nationalKey, "application/json",
                big), 413);
        assertMatches("/api/v1/submissions/bulk", "post", post("/api/v1/submissions/bulk", nationalKey, "text/csv",
                "org_code,fiscal_year,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,ind_8,ind_9,ind_10\n"
                        + "6190803,2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\n"
                        + "6190804,2568,100,100,100,100,100,99.33,99.33,99.33,182.50,90\n"), 200);
        assertMatches("/api/v1/submissions/bulk", "post", post("/api/v1/submissions/bulk", nationalKey,
                "application/xml", "<a/>"), 415);
        assertMatches("/api/v1/methodology/{fiscalYear}", "get", get("/api/v1/methodology/2568", nationalKey), 200);
        assertMatches("/api/v1/methodology/{fiscalYear}", "get", get("/api/v1/methodology/1999", nationalKey), 404);
        assertMatches("/health", "get", get("/health", null), 200);
        assertThat(get("/metrics", null).body()).contains("itapipe_ingest");
    }

    @Test
    void theValidatorRefusesAnAnswerThatBreaksTheSchema() {
        assertThat(violations("/api/v1/submissions", "post", "202", "{\"orgCode\":\"6190803\"}"))
                .as("an Accepted without its required fields").isNotEmpty();
    }

    private void assertMatches(String path, String method, HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
        assertThat(violations(path, method, Integer.toString(status), answer.body()))
                .as(method + " " + path + " " + status + ": " + answer.body()).isEmpty();
    }

    private Set<ValidationMessage> violations(String path, String method, String status, String body) {
        JsonNode response = resolve(document.get("paths").get(path).get(method).get("responses").get(status));
        assertThat(response).as("documented: " + method + " " + path + " " + status).isNotNull();
        ObjectNode schema = document.deepCopy();
        schema.setAll((ObjectNode) response.get("content").get("application/json").get("schema"));
        try {
            // OpenAPI 3.0 schemas are draft 4 plus "nullable".
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema,
                    SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build()).validate(JSON.readTree(body));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** A response given as {@code $ref} to {@code #/components/responses/...}, read from the document. */
    private JsonNode resolve(JsonNode response) {
        return response != null && response.has("$ref") ? document.at(response.get("$ref").asText().substring(1))
                : response;
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + ingest.port() + path);
    }
}
