package org.itapipe.sink.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.itapipe.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

/** What a batch commits and in which order its tables are inserted. */
class BatchTest {

    private static final String LATEST = Topics.LATEST_SUBMISSIONS.name();
    private static final String GAPS = Topics.INDICATOR_GAPS.name();

    @Test
    void theOffsetToCommitIsOnePastTheLastRecordOfEachPartitionFailedRecordsIncluded() {
        Batch batch = new Batch();
        batch.add(record(LATEST, 0, 10), List.of());
        batch.add(record(LATEST, 0, 11), List.of());
        batch.fail(record(LATEST, 0, 12), new IllegalArgumentException("undecodable"));
        batch.add(record(GAPS, 2, 5), List.of());

        assertThat(batch.records()).isEqualTo(4);
        assertThat(batch.failed()).singleElement().satisfies(failed ->
                assertThat(failed.record().offset()).isEqualTo(12));
        assertThat(batch.offsets()).isEqualTo(Map.of(new TopicPartition(LATEST, 0), new OffsetAndMetadata(13),
                new TopicPartition(GAPS, 2), new OffsetAndMetadata(6)));
    }

    @Test
    void anEmptyBatchHasNoAgeAndNothingToCommit() {
        Batch batch = new Batch();

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.ageNanos()).isZero();
        assertThat(batch.offsets()).isEmpty();
    }

    @Test
    void latestSubmissionsAreInsertedLastSoAViewNeverStartsFromAHalfLoadedSubmission() {
        Row latest = row(Tables.LATEST_SUBMISSIONS);
        Row submission = row(Tables.SUBMISSIONS);
        Row indicator = row(Tables.SUBMISSION_INDICATORS);
        Row gap = row(Tables.INDICATOR_GAPS);
        List<Batch.Mapped> records = List.of(
                new Batch.Mapped(record(LATEST, 0, 1), List.of(submission, latest, indicator)),
                new Batch.Mapped(record(GAPS, 0, 1), List.of(gap)));

        Map<Table, List<Row>> byTable = Batch.byTable(records);

        assertThat(byTable.keySet()).containsExactly(Tables.SUBMISSIONS, Tables.SUBMISSION_INDICATORS,
                Tables.INDICATOR_GAPS, Tables.LATEST_SUBMISSIONS);
        assertThat(byTable.get(Tables.LATEST_SUBMISSIONS)).containsExactly(latest);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset) {
        return new ConsumerRecord<>(topic, partition, offset, "k", new byte[0]);
    }

    private static Row row(Table table) {
        return new Row(table, new Object[table.columns().size()]);
    }
}
