package org.itapipe.ingest.revision;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.itapipe.config.KafkaSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.revision.RevisionVerdict;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ingest knows of the latest revision of each organization and year: it follows {@code
 * ita.latest-submissions.v1}, which streams alone writes, from the beginning, in a thread of its own, so that the API
 * can refuse a stale or conflicting revision at the door (409) by the same rule streams applies. What this follower
 * has not read yet, streams refuses into the dead letters (docs/revisions.md): the door is a courtesy, streams the
 * owner.
 */
public final class LatestRevisions implements BulkImport.Admission, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LatestRevisions.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, ScoreSubmission> latest = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, ScoreSubmission> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private LatestRevisions(KafkaConsumer<String, ScoreSubmission> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::follow, "ingest-latest-revisions");
        this.thread.setDaemon(true);
    }

    /** Starts following the topic; reads committed records only (streams writes it in transactions). */
    public static LatestRevisions follow(KafkaSettings kafka, TopicSerdes serdes) {
        Map<String, Object> config = kafka.clientProperties();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "itapipe-ingest-latest-revisions");
        LatestRevisions revisions = new LatestRevisions(new KafkaConsumer<>(config,
                serdes.key(Topics.LATEST_SUBMISSIONS).deserializer(),
                serdes.value(Topics.LATEST_SUBMISSIONS).deserializer()));
        revisions.thread.start();
        return revisions;
    }

    /** The revision rule's refusal, as a field error ({@code revision}, {@code stale-revision} / {@code revision-conflict}). */
    @Override
    public Optional<FieldError> check(ScoreSubmission submission) {
        Optional<ScoreSubmission> current = Optional.ofNullable(latest.get(
                Topics.orgYearKey(submission.getOrgCode(), submission.getFiscalYear())));
        RevisionVerdict verdict = RevisionVerdict.of(submission, current);
        if (!verdict.refused()) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(RevisionVerdict.FIELD, verdict.rule().orElseThrow(),
                verdict.message(submission, current.get().getRevision())));
    }

    private void follow() {
        try {
            assignAll();
            while (running) {
                poll();
            }
        } catch (WakeupException e) {
            // close() asked the loop to stop
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void assignAll() {
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            try {
                partitions = consumer.partitionsFor(Topics.LATEST_SUBMISSIONS.name()).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                LOG.info("latest revisions not readable yet ({}); the API refuses nothing until they are",
                        e.getMessage());
            }
            if (partitions.isEmpty()) {
                pause();
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void poll() {
        try {
            for (ConsumerRecord<String, ScoreSubmission> record : consumer.poll(POLL)) {
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), record.value());
                }
            }
        } catch (RecordDeserializationException e) {
            LOG.warn("skipping an unreadable latest submission at {}/{}: {}", e.topicPartition(), e.offset(),
                    e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
