package org.itapipe.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;

/** Reads a service's own Prometheus metrics ({@code /metrics}). */
final class ServiceMetrics {

    private final String text;

    private ServiceMetrics(String text) {
        this.text = text;
    }

    static ServiceMetrics scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return new ServiceMetrics(response.body());
    }

    /** The sum of every series of the metric (all label sets), 0 when it has none. */
    double sum(String metric) {
        return sumWhere(metric, line -> true);
    }

    /** The mean of the metric's series (one per stream thread, say), 0 when it has none. */
    double mean(String metric) {
        return series(metric).average().orElse(0);
    }

    /** How many series the metric has. */
    long count(String metric) {
        return series(metric).count();
    }

    /** The sum of the metric's series whose label {@code label} is {@code value}, 0 when it has none. */
    double value(String metric, String label, String value) {
        String pair = label + "=\"" + value + "\"";
        return sumWhere(metric, line -> line.contains("{" + pair) || line.contains("," + pair));
    }

    private double sumWhere(String metric, Predicate<String> series) {
        return seriesWhere(metric, series).sum();
    }

    private DoubleStream series(String metric) {
        return seriesWhere(metric, line -> true);
    }

    private DoubleStream seriesWhere(String metric, Predicate<String> series) {
        return text.lines().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(series)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }
}
