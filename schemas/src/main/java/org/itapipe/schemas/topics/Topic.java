package org.itapipe.schemas.topics;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.itapipe.config.TopicSettings;

/**
 * A topic of the pipeline: its name, the serde of its keys, the Avro class of its values, and how Kafka keeps it.
 *
 * @param keyFormat how the key is built, e.g. {@code <orgCode>/<fiscalYear>}
 * @param retentionMs {@code -1} keeps records forever
 */
public record Topic<K, V extends SpecificRecord>(String name, Serde<K> keySerde, String keyFormat, Class<V> valueType,
                                                 CleanupPolicy cleanupPolicy, long retentionMs) {

    /** {@code delete}: an event log; {@code compact}: a table whose latest record per key is the current state. */
    public enum CleanupPolicy {
        DELETE(TopicConfig.CLEANUP_POLICY_DELETE), COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

        private final String kafkaName;

        CleanupPolicy(String kafkaName) {
            this.kafkaName = kafkaName;
        }

        public String kafkaName() {
            return kafkaName;
        }
    }

    /** The definition Kafka's Admin client creates the topic from. */
    public NewTopic newTopic(TopicSettings settings) {
        return new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.kafkaName(),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)));
    }
}
