package org.itapipe.sink.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records polled since the last commit: their rows (by record, so that a bad record can be told apart), the
 * records that could not even be mapped, and the offsets to commit once everything is in ClickHouse.
 */
final class Batch {

    /** A record and the rows it maps to. */
    record Mapped(ConsumerRecord<String, byte[]> record, List<Row> rows) {
    }

    /** A record that cannot be loaded, and why. */
    record Failed(ConsumerRecord<String, byte[]> record, Exception error) {
    }

    private final List<Mapped> mapped = new ArrayList<>();
    private final List<Failed> failed = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    private long startedAt = -1;

    void add(ConsumerRecord<String, byte[]> record, List<Row> rows) {
        mapped.add(new Mapped(record, rows));
        track(record);
    }

    void fail(ConsumerRecord<String, byte[]> record, Exception error) {
        failed.add(new Failed(record, error));
        track(record);
    }

    private void track(ConsumerRecord<String, byte[]> record) {
        if (startedAt < 0) {
            startedAt = System.nanoTime();
        }
        offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }

    int records() {
        return mapped.size() + failed.size();
    }

    boolean isEmpty() {
        return records() == 0;
    }

    long ageNanos() {
        return startedAt < 0 ? 0 : System.nanoTime() - startedAt;
    }

    List<Mapped> mapped() {
        return mapped;
    }

    List<Failed> failed() {
        return failed;
    }

    Map<TopicPartition, OffsetAndMetadata> offsets() {
        return offsets;
    }

    /**
     * Rows grouped by table, one insert per table. The latest submissions table comes last: the views start from a
     * latest submission's row, so by the time it is visible its indicator and item rows already are.
     */
    static Map<Table, List<Row>> byTable(List<Mapped> records) {
        Map<Table, List<Row>> byTable = new LinkedHashMap<>();
        records.forEach(m -> m.rows().forEach(row -> byTable.computeIfAbsent(row.table(), t -> new ArrayList<>())
                .add(row)));
        List<Row> latest = byTable.remove(Tables.LATEST_SUBMISSIONS);
        if (latest != null) {
            byTable.put(Tables.LATEST_SUBMISSIONS, latest);
        }
        return byTable;
    }
}
