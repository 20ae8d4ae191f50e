package org.itapipe.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.itapipe.schemas.registry.SchemaRegistry;

/** Serializer and deserializer of one specific Avro class, for Kafka clients and Kafka Streams. */
public final class AvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

    public AvroSerde(SchemaRegistry registry, Class<T> type, SerdeSettings settings) {
        super(new AvroSerializer<>(registry, type, settings), new AvroDeserializer<>(registry, type));
    }
}
