package org.itapipe.schemas.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.itapipe.schemas.registry.SchemaRegistry;
import org.itapipe.schemas.serde.AvroSerde;
import org.itapipe.schemas.serde.Decoded;
import org.itapipe.schemas.serde.DecodedSerde;
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

    /** The values of {@code topic} with the bytes they were read from, written again as they came (DecodedSerde). */
    public <V extends SpecificRecord> Serde<Decoded<V>> decoded(Topic<?, V> topic) {
        return new DecodedSerde<>(registry, topic.valueType(), SerdeSettings.values(autoRegister));
    }

    /**
     * For an application's internal topics (state-store changelogs), values kept with the bytes they were read from
     * (DecodedSerde): their subjects belong to the application alone, so it always registers its schema there,
     * whatever the setting for the public topics.
     */
    public <V extends SpecificRecord> Serde<Decoded<V>> decodedInternal(Class<V> type) {
        return new DecodedSerde<>(registry, type, SerdeSettings.values(true));
    }

    /** Registers the value schema of every topic: the deployment step when auto-registration is off. */
    public List<String> registerAll() {
        List<String> subjects = new ArrayList<>();
        for (Topic<String, ? extends SpecificRecord> topic : Topics.ALL) {
            String subject = SerdeSettings.values(true).subject(topic.name());
            registry.register(subject, SpecificData.get().getSchema(topic.valueType()));
            subjects.add(subject);
        }
        return subjects;
    }
}
