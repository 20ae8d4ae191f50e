package org.itapipe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.itapipe.config.RegistrySettings;
import org.itapipe.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP behaviour that a healthy registry never shows (5xx, refused credentials), played by a local HTTP server.
 * The protocol itself is tested against the real registry in {@link SchemaRegistryClientTest}.
 */
class SchemaRegistryClientRetryTest {

    private static final SchemaRegistryClient.RetryPolicy FAST =
            new SchemaRegistryClient.RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(2));
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}";

    private HttpServer server;
    private final List<String> authorizations = new ArrayList<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void serverErrorsAreRetriedUntilTheRegistryAnswers() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        start(exchange -> {
            if (calls.incrementAndGet() < 3) {
                answer(exchange, 503, "{\"error_code\":50301,\"message\":\"warming up\"}");
            } else {
                answer(exchange, 200, "{\"schema\":" + quoted(SCHEMA) + "}");
            }
        });

        Schema schema = client("", "").schemaById(1);

        assertThat(schema.getName()).isEqualTo("R");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRegistryThatKeepsFailingIsReportedUnavailableWithItsMessage() throws IOException {
        start(exchange -> answer(exchange, 500, "{\"error_code\":50001,\"message\":\"storage down\"}"));

        assertThatThrownBy(() -> client("", "").schemaById(1))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("storage down");
    }

    @Test
    void refusedCredentialsSayWhichSettingsToCheckAndAreNotRetried() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        start(exchange -> {
            calls.incrementAndGet();
            answer(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
        });

        assertThatThrownBy(() -> client("ita", "wrong").schemaById(1))
                .isInstanceOf(RegistryAccessDeniedException.class).hasMessageContaining("registry.user");
        assertThat(calls).hasValue(1);
        assertThat(authorizations).containsExactly("Basic aXRhOndyb25n");
    }

    @Test
    void anIdIsFetchedOnceAndThenServedFromTheCache() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        start(exchange -> {
            calls.incrementAndGet();
            answer(exchange, 200, "{\"schema\":" + quoted(SCHEMA) + "}");
        });
        SchemaRegistryClient client = client("", "");

        client.schemaById(5);
        client.schemaById(5);

        assertThat(calls).hasValue(1);
    }

    private SchemaRegistryClient client(String user, String password) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
        return new SchemaRegistryClient(new RegistrySettings(java.net.URI.create(url), user, new Secret(password)),
                FAST);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void start(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/apis/ccompat/v7/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            handler.handle(exchange);
        });
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
