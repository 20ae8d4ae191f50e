package org.itapipe.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a consumer group has committed its way to given offsets: the moment a stage has processed, written and
 * committed everything it was given. Under exactly-once that is also the moment its outputs became visible.
 */
final class GroupDrain {

    private static final long POLL_MILLIS = 50;

    private final Admin admin;

    GroupDrain(Admin admin) {
        this.admin = admin;
    }

    /** Waits until the group's committed offset reaches the target of every partition the supplier names. */
    void await(String groupId, Supplier<Map<TopicPartition, Long>> targets, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> wanted = targets.get();
            boolean drained = wanted.entrySet().stream().allMatch(target -> target.getValue() == 0
                    || committed.get(target.getKey()) != null
                    && committed.get(target.getKey()).offset() >= target.getValue());
            if (drained) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("group " + groupId + " did not reach " + wanted + " within "
                        + timeout + "; committed: " + committed);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The end offset of every partition of the topics. */
    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get().values()
                    .stream().flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topics + ": " + e.getCause(),
                    e.getCause());
        }
    }
}
