package org.itapipe.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.itapipe.config.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compacted topic read as a table: every partition from its beginning, in a thread of its own, keeping the latest
 * value of each key (a tombstone removes it), committed records only. No consumer group: every follower reads all of
 * it, which is what each instance of a service needs of a small shared table (the latest revisions, the API keys).
 * An unreadable record is skipped with a WARN naming its offset, never a reason to stop.
 */
public final class TableFollower<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TableFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final Map<String, V> latest = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, V> consumer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private Map<TopicPartition, Long> endAtStart = Map.of();

    private TableFollower(String topic, KafkaConsumer<String, V> consumer, String name) {
        this.topic = topic;
        this.consumer = consumer;
        this.thread = new Thread(this::follow, name);
        this.thread.setDaemon(true);
    }

    /** Starts following {@code topic}; {@code name} names the thread and the Kafka client. */
    public static <V> TableFollower<V> start(KafkaSettings kafka, String topic, Deserializer<V> values, String name) {
        Map<String, Object> config = kafka.clientProperties();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        TableFollower<V> follower = new TableFollower<>(topic,
                new KafkaConsumer<>(config, new StringDeserializer(), values), name);
        follower.thread.start();
        return follower;
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(latest.get(key));
    }

    /** The table as read so far. */
    public Map<String, V> snapshot() {
        return Map.copyOf(latest);
    }

    /** Waits until the follower has read the topic to where it ended when the follower started. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
                partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                LOG.info("{} not readable yet ({}); trying again", topic, e.getMessage());
            }
            if (partitions.isEmpty()) {
                pause();
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        endAtStart = consumer.endOffsets(partitions);
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
            for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), record.value());
                }
            }
        } catch (RecordDeserializationException e) {
            LOG.warn("skipping an unreadable record of {} at {}/{}: {}", topic, e.topicPartition(), e.offset(),
                    e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        if (caughtUp.getCount() > 0
                && endAtStart.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
            caughtUp.countDown();
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
