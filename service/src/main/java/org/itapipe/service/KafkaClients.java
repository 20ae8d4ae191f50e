package org.itapipe.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itapipe.config.Connections;
import org.itapipe.config.GroupMembership;

/** The Kafka clients of the sink and the notifier: values stay bytes until each service decodes them. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** Manual commits, from the earliest offset, committed results of Streams transactions only. */
    public static KafkaConsumer<String, byte[]> consumer(Connections connections, String groupId, int maxPollRecords) {
        return consumer(connections, groupId, GroupMembership.DYNAMIC, maxPollRecords);
    }

    /** The same, for a service's long-lived member of {@code groupId}. */
    public static KafkaConsumer<String, byte[]> consumer(Connections connections, String groupId,
                                                         GroupMembership membership, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.putAll(membership.consumerConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** For dead letters: idempotent, acknowledged by all replicas. */
    public static KafkaProducer<String, byte[]> producer(Connections connections) {
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
