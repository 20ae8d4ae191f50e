package org.itapipe.sink.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itapipe.config.ConfigSource;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.InMemorySchemaRegistry;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.sink.SinkSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load loop's paths without Kafka or ClickHouse: Kafka's own MockConsumer and MockProducer, and a writer that keeps
 * rows in a list and fails as told. The same paths against the real servers: SinkFaultTest and SinkOutageTest.
 */
class SinkLoaderTest {

    private static final TopicPartition LATEST = new TopicPartition(Topics.LATEST_SUBMISSIONS.name(), 0);

    private final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistry(), true);
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<String, byte[]> deadLetters = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private final ListWriter writer = new ListWriter();
    private final SinkLoader loader = new SinkLoader(consumer, deadLetters,
            serdes.value(Topics.DEAD_LETTERS).serializer(), new RowMapper(serdes, MethodologyCatalog.builtIn()),
            writer, SinkSettings.from(ConfigSource.of(Map.of("sink.batch.max-age-ms", "20",
                    "sink.retry.max-backoff-ms", "50"), Map.of())), new SimpleMeterRegistry(),
            SinkLoader.AfterInsert.NOTHING);
    private Thread loop;

    @AfterEach
    void stop() throws InterruptedException {
        loader.stop();
        loop.join(5_000);
    }

    @Test
    void aBatchIsInClickHouseBeforeItsOffsetsAreCommitted() throws Exception {
        start(List.of(submission("6190803"), submission("6190804")));

        await(() -> committed() == 2);

        assertThat(writer.orgCodes()).containsExactly("6190803", "6190804");
        assertThat(writer.committedAtEachInsert).as("nothing was committed when the rows were inserted")
                .containsOnly(0L);
        assertThat(deadLetters.history()).isEmpty();
    }

    @Test
    void theNextBatchIsReadWhileOneIsInsertedAndInsertedOnlyOnceThatOneIsCommitted() throws Exception {
        writer.gate = new CountDownLatch(1);
        start(List.of(submission("6190803")));
        await(() -> writer.entered.get() == 1);

        ConsumerRecord<String, byte[]> next = submission("6190804");
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(LATEST.topic(), 0, 1, next.key(),
                next.value())));
        await(() -> consumer.position(LATEST) == 2);
        assertThat(committed()).as("the first batch is still being inserted").isZero();
        assertThat(writer.entered.get()).as("the second waits for the first").isEqualTo(1);

        writer.gate.countDown();
        await(() -> committed() == 2);
        assertThat(writer.orgCodes()).containsExactly("6190803", "6190804");
        assertThat(writer.committedAtEachInsert).as("the second went in once the first was committed")
                .containsExactly(0L, 1L);
    }

    @Test
    void whileTheDatabaseIsUnreachableTheSameBatchIsRetriedAndTheLoaderIsDown() throws Exception {
        writer.unreachableFor.set(3);
        start(List.of(submission("6190803")));

        await(() -> !loader.healthy());
        assertThat(loader.health().detail()).contains("waits for ClickHouse");
        await(() -> committed() == 1);

        assertThat(writer.orgCodes()).as("loaded once, after the outage").containsExactly("6190803");
        assertThat(loader.healthy()).isTrue();
        assertThat(deadLetters.history()).isEmpty();
    }

    @Test
    void aRowTheDatabaseRefusesIsDeadLetteredAndTheOthersOfItsBatchLoad() throws Exception {
        writer.refuses = row -> "6190804".equals(row.values()[0]);
        start(List.of(submission("6190803"), submission("6190804"), submission("6190802")));

        await(() -> committed() == 3);

        assertThat(writer.orgCodes()).containsExactlyInAnyOrder("6190803", "6190802");
        assertThat(deadLetters.history()).singleElement().satisfies(letter ->
                assertThat(letter.key()).isEqualTo(Topics.LATEST_SUBMISSIONS.name() + "/0/1"));
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAndNeverReachesTheDatabase() throws Exception {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(List.of(submission("6190803")));
        records.add(new ConsumerRecord<>(LATEST.topic(), 0, 1, "6190804/2568", new byte[] {0, 0, 0, 0, 99, 1, 2}));
        start(records);

        await(() -> committed() == 2);

        assertThat(writer.orgCodes()).containsExactly("6190803");
        assertThat(deadLetters.history()).extracting(ProducerRecord::key)
                .containsExactly(Topics.LATEST_SUBMISSIONS.name() + "/0/1");
    }

    private ConsumerRecord<String, byte[]> submission(String org) {
        ScoreSubmission submission = ScoreSubmission.newBuilder().setSubmissionId(UUID.randomUUID().toString())
                .setOrgCode(org).setOrgNameTh("อบต.ทดสอบ")
                .setOrgType(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION)
                .setDistrictCode("1908").setProvinceCode("19").setFiscalYear(2568).setRevision(1)
                .setIndicators(IntStream.rangeClosed(1, 10).mapToObj(n -> new IndicatorScore(n,
                        new BigDecimal("90.00"))).toList())
                .setSource(SubmissionSource.GENERATED).setSubmittedAt(Instant.now()).build();
        return new ConsumerRecord<>(LATEST.topic(), 0, 0, Topics.orgYearKey(org, 2568),
                serdes.value(Topics.LATEST_SUBMISSIONS).serializer().serialize(LATEST.topic(), submission));
    }

    /** Runs the loop over {@code records}, at consecutive offsets of one partition. */
    private void start(List<ConsumerRecord<String, byte[]>> records) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(LATEST));
            consumer.updateBeginningOffsets(Map.of(LATEST, 0L));
            for (int offset = 0; offset < records.size(); offset++) {
                ConsumerRecord<String, byte[]> record = records.get(offset);
                consumer.addRecord(new ConsumerRecord<>(record.topic(), 0, offset, record.key(), record.value()));
            }
        });
        loop = new Thread(loader, "sink-loader-test");
        loop.start();
    }

    private long committed() {
        OffsetAndMetadata offset = consumer.committed(Set.of(LATEST)).get(LATEST);
        return offset == null ? 0 : offset.offset();
    }

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited; loader " + loader.health()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /**
     * Keeps what it is given; unreachable for the first inserts it is told, refusing the rows it is told, each insert
     * held until its gate opens.
     */
    private final class ListWriter implements RowWriter {

        final List<Row> rows = new CopyOnWriteArrayList<>();
        final List<Long> committedAtEachInsert = new CopyOnWriteArrayList<>();
        final AtomicInteger unreachableFor = new AtomicInteger();
        final AtomicInteger entered = new AtomicInteger();
        volatile Predicate<Row> refuses = row -> false;
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public void insert(Map<Table, List<Row>> batch) throws SQLException {
            entered.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("interrupted");
            }
            if (unreachableFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new SQLTransientConnectionException("connection refused");
            }
            List<Row> all = batch.values().stream().flatMap(List::stream).toList();
            if (all.stream().anyMatch(refuses)) {
                throw new SQLException("Code: 53. Type mismatch");
            }
            committedAtEachInsert.add(committed());
            rows.addAll(all);
        }

        @Override
        public boolean isTransient(SQLException failure) {
            return failure instanceof SQLTransientConnectionException;
        }

        List<String> orgCodes() {
            return rows.stream().filter(row -> row.table().equals(Tables.SUBMISSIONS))
                    .map(row -> (String) row.values()[0]).toList();
        }

        @Override
        public void close() {
        }
    }
}
