package org.itapipe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.itapipe.config.ClickHouseSettings;

/** ClickHouse's HTTP interface, as a bulk loader or curl uses it: the query in the URL, the data in the body. */
final class ClickHouseHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    private final ClickHouseSettings user;

    ClickHouseHttp(URI base, ClickHouseSettings user) {
        this.base = base;
        this.user = user;
    }

    byte[] query(String sql) throws IOException, InterruptedException {
        return post(sql, new byte[0]).body();
    }

    String text(String sql) throws IOException, InterruptedException {
        return new String(query(sql), StandardCharsets.UTF_8);
    }

    /**
     * Posts {@code body} as the data of {@code sql}, e.g. {@code INSERT INTO t FORMAT RowBinary}; returns the rows
     * written, from the summary ClickHouse sends back in a header.
     */
    long insert(String sql, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post(sql, body);
        String summary = response.headers().firstValue("X-ClickHouse-Summary").orElseThrow(() ->
                new IOException("ClickHouse sent no X-ClickHouse-Summary for " + sql));
        return Long.parseLong(JSON.readTree(summary).path("written_rows").asText("-1"));
    }

    private HttpResponse<byte[]> post(String sql, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/?query=" + URLEncoder.encode(sql,
                        StandardCharsets.UTF_8)))
                .header("X-ClickHouse-User", user.user())
                .header("X-ClickHouse-Key", user.password().value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse answered " + response.statusCode() + " to " + sql + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }
}
