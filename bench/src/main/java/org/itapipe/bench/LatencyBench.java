package org.itapipe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.KafkaClients;
import org.itapipe.sink.load.ClickHouseWriter;

/**
 * Latency at a steady rate through the running services: submissions are POSTed to the ingest API at fixed
 * intervals (asynchronously, so a slow answer does not slow the rate), first for a warm-up that is not measured, then
 * for the measured window; for each one of the window answered 202, the clock runs until
 * its OPEN alert reaches a read_committed consumer, and until its revision is in ClickHouse (polled every
 * {@value #POLL_MILLIS} ms, which bounds that figure's resolution). A submission reaches ClickHouse through streams,
 * which publishes it as the latest of its organization-year. The poll reads the {@code latest_submissions} table
 * without FINAL, not {@code v_latest_submissions}: a row is in the view as soon as it is in the table, and reading the
 * table, only past the offsets already seen, keeps the probe from taking the CPU the pipeline is measured on.
 */
final class LatencyBench {

    private static final long POLL_MILLIS = 100;
    private static final int SENDERS = 32;
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final StackEndpoints endpoints;
    private final TopicSerdes serdes;
    private final LatencySubmissions submissions;
    private final PipelineServices services;

    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    private final Map<String, Long> alerted = new ConcurrentHashMap<>();
    private final Map<String, Long> loaded = new ConcurrentHashMap<>();
    private final Map<String, String> openedItem = new ConcurrentHashMap<>();
    private final Set<String> measured = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean watching = true;

    LatencyBench(StackEndpoints endpoints, TopicSerdes serdes, LatencySubmissions submissions,
                 PipelineServices services) {
        this.endpoints = endpoints;
        this.serdes = serdes;
        this.submissions = submissions;
        this.services = services;
    }

    List<BenchReport.Line> measure(int rate, Duration warmUp, Duration duration) throws Exception {
        Thread alerts = new Thread(this::watchAlerts, "bench-alert-watcher");
        Thread clickhouse = new Thread(this::watchClickHouse, "bench-clickhouse-watcher");
        alerts.start();
        clickhouse.start();
        int unmeasured = (int) (rate * warmUp.toSeconds());
        int total = unmeasured + (int) (rate * duration.toSeconds());
        try {
            Thread.sleep(1000); // the watchers are positioned at the end of the topic
            send(rate, total, unmeasured);
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < deadline && (loaded.size() < accepted.size()
                    || alerted.size() < accepted.size() * 0.95)) {
                Thread.sleep(200);
            }
        } finally {
            watching = false;
            alerts.join();
            clickhouse.join();
        }
        List<Double> toAlert = new ArrayList<>();
        List<Double> toClickHouse = new ArrayList<>();
        measured.forEach(key -> {
            Long at = accepted.get(key);
            if (at == null) {
                return;
            }
            if (alerted.containsKey(key)) {
                toAlert.add((alerted.get(key) - at) / 1e6);
            }
            if (loaded.containsKey(key)) {
                toClickHouse.add((loaded.get(key) - at) / 1e6);
            }
        });
        Percentiles alert = Percentiles.of(toAlert);
        Percentiles view = Percentiles.of(toClickHouse);
        long answered = measured.stream().filter(accepted::containsKey).count();
        String sent = String.format("%d sent at %d/s after %d of warm-up, %d answered 202, %d refused",
                measured.size(), rate, unmeasured, answered, refused.get());
        return List.of(
                line("202 -> OPEN alert, median (" + alert.count() + " alerts)", alert.median(), List.of()),
                line("202 -> OPEN alert, p99", alert.p99(), List.of(new BenchReport.Goal("<= 300 ms",
                        alert.p99() <= 300 && alert.count() > 0))),
                line("202 -> row in ClickHouse, median", view.median(), List.of()),
                line("202 -> row in ClickHouse, p99", view.p99(), List.of(new BenchReport.Goal("<= 1,000 ms",
                        view.p99() <= 1000 && view.count() == answered))),
                new BenchReport.Line("latency", sent, answered, "accepted", "", Double.NaN, List.of(
                        new BenchReport.Goal("all answered 202", refused.get() == 0 && answered == measured.size()))));
    }

    private static BenchReport.Line line(String figure, double millis, List<BenchReport.Goal> goals) {
        return new BenchReport.Line("latency", figure, millis, "ms", "", Double.NaN, goals);
    }

    /**
     * Sends at fixed intervals from a pool of blocking senders. The JDK's HttpClient is not used: on a 2-core machine
     * its asynchronous completions start a new thread for every response (the common pool has no parallelism there),
     * which cost the sending JVM more CPU than the broker it hosts.
     */
    private void send(int rate, int total, int unmeasured) throws Exception {
        URL url = services.ingestUrl().resolve("/api/v1/submissions").toURL();
        // Built beforehand, so that the sender spends no CPU on them while the pipeline is being measured.
        List<LatencySubmissions.Sent> described = new ArrayList<>(total);
        List<byte[]> bodies = new ArrayList<>(total);
        for (int k = 0; k < total; k++) {
            described.add(submissions.describe(k));
            bodies.add(submissions.json(described.get(k)).getBytes(StandardCharsets.UTF_8));
        }
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            int k = next.getAndIncrement();
            if (k >= total) {
                return;
            }
            LatencySubmissions.Sent sent = described.get(k);
            openedItem.put(sent.key(), sent.openedItem());
            if (k >= unmeasured) {
                measured.add(sent.key());
            }
            senders.execute(() -> {
                if (post(url, bodies.get(k)) == 202) {
                    accepted.put(sent.key(), System.nanoTime());
                } else {
                    refused.incrementAndGet();
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(total / rate + 30).toNanos();
        while (accepted.size() + refused.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        senders.shutdownNow();
    }

    /** One POST on a kept-alive connection; the status code, or -1 when the request failed. */
    private int post(URL url, byte[] body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Authorization", "Bearer " + services.apiKey());
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes(); // read to the end, so the connection goes back to the keep-alive pool
                }
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    private void watchAlerts() {
        Deserializer<OitAlert> deserializer = serdes.value(Topics.OIT_ALERTS).deserializer();
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(endpoints.connections(),
                "bench-latency-alerts", 1000)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OIT_ALERTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (watching) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    OitAlert alert = deserializer.deserialize(record.topic(), record.value());
                    String key = alert == null ? "" : alert.getOrgCode() + "/" + alert.getRevision();
                    if (alert != null && alert.getState() == AlertState.OPEN
                            && alert.getItemCode().equals(openedItem.get(key))) {
                        alerted.putIfAbsent(key, now);
                    }
                }
            }
        }
    }

    /**
     * Polls for rows loaded since the last poll only: the sink inserts each partition's records in offset order, so
     * a row at or below the highest offset already seen in its partition has been seen. A poll that returned every
     * row so far would grow with the test and take the CPU the pipeline is being measured on.
     */
    private void watchClickHouse() {
        Map<Integer, Long> seenUpTo = new HashMap<>();
        try (Connection connection = ClickHouseWriter.connect(endpoints.clickhouseAnalyst());
             Statement sql = connection.createStatement()) {
            while (watching) {
                String unseen = seenUpTo.entrySet().stream()
                        .map(seen -> " AND NOT (_partition = " + seen.getKey() + " AND _offset <= " + seen.getValue()
                                + ")").collect(Collectors.joining());
                try (ResultSet rows = sql.executeQuery("SELECT org_code, revision, _partition, _offset FROM "
                        + "latest_submissions WHERE revision > " + LatencySubmissions.BASE_REVISION + unseen)) {
                    long now = System.nanoTime();
                    while (rows.next()) {
                        loaded.putIfAbsent(rows.getString(1) + "/" + rows.getLong(2), now);
                        seenUpTo.merge(rows.getInt(3), rows.getLong(4), Math::max);
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("watching ClickHouse failed: " + e, e);
        }
    }
}
