package org.itapipe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.itapipe.config.Connections;
import org.itapipe.config.RegistrySettings;
import org.itapipe.config.Secret;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code registry.user} and {@code registry.password} against a registry that demands HTTP basic auth: the embedded
 * registry behind an authenticating front, as a registry is deployed behind a reverse proxy (Apicurio's own
 * authentication needs an OpenID Connect server, which the embedded stack does not run).
 */
@ExtendWith(EmbeddedStackExtension.class)
class RegistryBasicAuthTest {

    private static final Schema PROBE = new Schema.Parser().parse("""
            {"type":"record","name":"AuthProbe","namespace":"org.itapipe.test","fields":[
              {"name":"orgCode","type":"string"}]}""");
    private static final String USER = "itapipe-ingest";
    private static final String PASSWORD = "drawn-" + UUID.randomUUID();

    private HttpServer front;
    private final AtomicInteger refused = new AtomicInteger();
    private URI frontUrl;

    @BeforeEach
    void startFront(Connections connections) throws IOException {
        URI registry = connections.registry().url();
        HttpClient http = HttpClient.newHttpClient();
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        front.createContext("/", exchange -> {
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                answer(exchange, 401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}");
                return;
            }
            forward(http, registry, exchange);
        });
        front.start();
        frontUrl = URI.create("http://127.0.0.1:" + front.getAddress().getPort() + registry.getPath());
    }

    @AfterEach
    void stopFront() {
        front.stop(0);
    }

    @Test
    void withTheRightCredentialsSchemasAreRegisteredAndReadBack() {
        SchemaRegistryClient client = new SchemaRegistryClient(new RegistrySettings(frontUrl, USER,
                new Secret(PASSWORD)));
        String subject = "auth-probe-" + UUID.randomUUID() + "-value";

        int id = client.register(subject, PROBE);

        assertThat(client.idOf(subject, PROBE)).isEqualTo(id);
        assertThat(new SchemaRegistryClient(new RegistrySettings(frontUrl, USER, new Secret(PASSWORD)))
                .schemaById(id)).isEqualTo(PROBE);
        assertThat(refused).hasValue(0);
    }

    @Test
    void withoutOrWithWrongCredentialsTheRefusalNamesTheSettingsAndNotThePassword() {
        for (RegistrySettings settings : List.of(new RegistrySettings(frontUrl, "", Secret.NONE),
                new RegistrySettings(frontUrl, USER, new Secret("wrong-password")))) {
            SchemaRegistryClient client = new SchemaRegistryClient(settings);

            assertThatThrownBy(() -> client.register("auth-probe-" + UUID.randomUUID() + "-value", PROBE))
                    .isInstanceOf(RegistryAccessDeniedException.class)
                    .hasMessageContaining("status 401").hasMessageContaining("check registry.user and registry.password")
                    .hasMessageNotContaining("wrong-password");
        }
        assertThat(refused).as("refused at once, not retried as an outage").hasValue(2);
    }

    private static void forward(HttpClient http, URI registry, HttpExchange exchange) throws IOException {
        URI target = URI.create(registry.getScheme() + "://" + registry.getAuthority()
                + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 503, "{\"message\":\"interrupted\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
