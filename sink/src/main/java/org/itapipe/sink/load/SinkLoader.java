package org.itapipe.sink.load;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serializer;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.registry.RegistryUnavailableException;
import org.itapipe.schemas.topics.DeadLetters;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.HealthCheck;
import org.itapipe.sink.SinkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load loop: poll, map, and when a batch is full or old enough, insert it (one insert per table), dead-letter
 * what can never be inserted, and only then commit the offsets. The insert runs on its own thread while the loop
 * polls and maps the next batch, so mapping and inserting overlap; one batch is in flight at most, and the next is
 * inserted only once it is committed, so batches reach ClickHouse and commit in order. A crash anywhere before the
 * commit replays the batch, which the tables' version columns make invisible in the views
 * (docs/sink-exactly-once.md). While ClickHouse is unreachable the same batch is retried with exponential backoff and
 * the sink reports itself unhealthy; the loop fills at most the next batch meanwhile, so order and content are kept.
 * A record whose schema the registry cannot give (the registry is unreachable) is retried the same way, never
 * dead-lettered: it is not the record's fault.
 */
public final class SinkLoader implements Runnable {

    /** Called after a batch is in ClickHouse and before its offsets are committed: the window the fault tests use. */
    @FunctionalInterface
    public interface AfterInsert {
        void run(int records);

        AfterInsert NOTHING = records -> { };
    }

    private static final Logger LOG = LoggerFactory.getLogger(SinkLoader.class);
    private static final String SERVICE = "sink";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> deadLetterProducer;
    private final Serializer<DeadLetter> deadLetterSerializer;
    private final RowMapper mapper;
    private final RowWriter writer;
    private final SinkSettings settings;
    private final MeterRegistry metrics;
    private final AfterInsert afterInsert;
    private final Timer batchLatency;
    /** Inserts a batch while the loop maps the next. */
    private final ExecutorService inserter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "itapipe-sink-batch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;
    /**
     * What a record being mapped (on the loop's thread) and a batch being inserted (on the inserter's) wait for, or
     * null while they wait for nothing: two fields, since both can wait at once.
     */
    private volatile String waitingForRegistry;
    private volatile String waitingForClickHouse;
    private volatile Throwable failure;

    /** A batch on its way into ClickHouse; completes with the records ClickHouse refused. */
    private record InFlight(Batch batch, CompletableFuture<List<Batch.Failed>> refused) {
    }

    public SinkLoader(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetterProducer,
                      Serializer<DeadLetter> deadLetterSerializer, RowMapper mapper, RowWriter writer,
                      SinkSettings settings, MeterRegistry metrics, AfterInsert afterInsert) {
        this.consumer = consumer;
        this.deadLetterProducer = deadLetterProducer;
        this.deadLetterSerializer = deadLetterSerializer;
        this.mapper = mapper;
        this.writer = writer;
        this.settings = settings;
        this.metrics = metrics;
        this.afterInsert = afterInsert;
        this.batchLatency = Timer.builder("itapipe.sink.batch").description("From first record of a batch to commit")
                .register(metrics);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(RowMapper.topics());
            Batch batch = new Batch();
            InFlight inFlight = null;
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    map(record, batch);
                }
                if (inFlight != null && inFlight.refused().isDone()) {
                    commit(inFlight);
                    inFlight = null;
                }
                if (batch.records() >= settings.batchRecords()
                        || !batch.isEmpty() && batch.ageNanos() >= settings.batchMaxAge().toNanos()) {
                    if (inFlight != null) {
                        commit(inFlight); // waits for it: one batch in flight at most
                    }
                    List<Batch.Mapped> rows = batch.mapped();
                    inFlight = new InFlight(batch, CompletableFuture.supplyAsync(() -> insert(rows), inserter));
                    batch = new Batch();
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up; a batch in flight is read again by the next sink, as after a crash.
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("the sink stopped", e);
        } finally {
            inserter.shutdownNow();
        }
    }

    private void map(ConsumerRecord<String, byte[]> record, Batch batch) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                batch.add(record, mapper.rows(record));
                waitingForRegistry = null;
                return;
            } catch (RuntimeException e) {
                if (!RegistryUnavailableException.isCauseOf(e)) {
                    batch.fail(record, e);
                    return;
                }
                waitingForRegistry = "a record waits for the schema registry to give its schema; retrying";
                LOG.warn("schema registry unavailable, decoding {}-{}@{} again in {} ms: {}", record.topic(),
                        record.partition(), record.offset(), backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = nextBackoff(backoff);
            }
        }
    }

    /** Once the batch is in ClickHouse: its dead letters, then its offsets (on the loop's thread, the consumer's). */
    private void commit(InFlight inFlight) {
        List<Batch.Failed> refused = new ArrayList<>(inFlight.batch().failed());
        try {
            refused.addAll(inFlight.refused().join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        afterInsert.run(inFlight.batch().records());
        refused.forEach(this::deadLetter);
        consumer.commitSync(inFlight.batch().offsets());
        batchLatency.record(Duration.ofNanos(inFlight.batch().ageNanos()));
    }

    /** Inserts the records, retrying while ClickHouse is unreachable; returns the records ClickHouse refuses. */
    private List<Batch.Failed> insert(List<Batch.Mapped> records) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                writer.insert(Batch.byTable(records));
                waitingForClickHouse = null;
                count(records);
                return List.of();
            } catch (SQLException e) {
                if (!writer.isTransient(e)) {
                    return insertOneByOne(records);
                }
                waitingForClickHouse = "a batch waits for ClickHouse to take it; retrying";
                LOG.warn("ClickHouse unavailable, retrying {} records in {} ms: {}", records.size(),
                        backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = nextBackoff(backoff);
            }
        }
    }

    private Duration nextBackoff(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    /** A batch ClickHouse refused: find the records it refuses, so that the others still load. */
    private List<Batch.Failed> insertOneByOne(List<Batch.Mapped> records) {
        List<Batch.Failed> refused = new ArrayList<>();
        for (Batch.Mapped record : records) {
            try {
                writer.insert(Batch.byTable(List.of(record)));
                count(List.of(record));
            } catch (SQLException e) {
                if (writer.isTransient(e)) {
                    return insert(records);
                }
                refused.add(new Batch.Failed(record.record(), e));
            }
        }
        return refused;
    }

    private void count(List<Batch.Mapped> records) {
        Batch.byTable(records).forEach((table, rows) -> Counter.builder("itapipe.sink.rows")
                .description("Rows inserted into ClickHouse").tag("table", table.name()).register(metrics)
                .increment(rows.size()));
    }

    private void deadLetter(Batch.Failed failed) {
        ConsumerRecord<String, byte[]> record = failed.record();
        DeadLetter envelope = DeadLetters.envelope(SERVICE, record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
                record.value(), failed.error(), Instant.now());
        try {
            deadLetterProducer.send(DeadLetters.record(envelope,
                    deadLetterSerializer.serialize(Topics.DEAD_LETTERS.name(), envelope))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the dead letter for " + record.topic() + "/"
                    + record.partition() + "/" + record.offset() + ": " + e.getCause(), e.getCause());
        }
        Counter.builder("itapipe.sink.dead.letters").register(metrics).increment();
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
        if (!running) {
            throw new WakeupException();
        }
    }

    public boolean healthy() {
        return waitingForRegistry == null && waitingForClickHouse == null && failure == null;
    }

    /**
     * The loader's part of /health: DOWN while a batch waits for ClickHouse or a record for the registry, or for
     * good once the loop failed.
     */
    public HealthCheck.Health health() {
        if (failure != null) {
            return HealthCheck.Health.down("the loader stopped: " + failure);
        }
        String clickHouse = waitingForClickHouse;
        String registry = waitingForRegistry;
        String waiting = clickHouse != null ? clickHouse : registry;
        return waiting == null ? HealthCheck.Health.ok() : HealthCheck.Health.down(waiting);
    }

    public Throwable failure() {
        return failure;
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
