package org.itapipe.schemas.topics;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.itapipe.schemas.registry.SchemaRegistry;
import org.itapipe.schemas.serde.AvroSerde;
import org.itapipe.schemas.serde.SerdeSettings;

/** Serdes for the topics of {@link Topics}, bound to one schema registry. */
public final class TopicSerdes {

    private final SchemaRegistry registry;
    private final boolean autoRegister;

    /** @param autoRegister register value schemas on first use (demo) instead of requiring them registered */
    public TopicSerdes(SchemaRegistry registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    public <K> Serde<K> key(Topic<K, ?> topic) {
        return topic.keySerde();
    }

    public <V extends SpecificRecord> Serde<V> value(Topic<?, V> topic) {
        return new AvroSerde<>(registry, topic.valueType(), SerdeSettings.values(autoRegister));
    }

    /** Registers the value schema of every topic: the deployment step when auto-registration is off. */
    public void registerAll() {
        for (Topic<String, ? extends SpecificRecord> topic : Topics.ALL) {
            registry.register(SerdeSettings.values(true).subject(topic.name()),
                    SpecificData.get().getSchema(topic.valueType()));
        }
    }
}
