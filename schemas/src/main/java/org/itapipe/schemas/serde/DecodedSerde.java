package org.itapipe.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.itapipe.schemas.registry.RegistryException;
import org.itapipe.schemas.registry.SchemaRegistry;

/**
 * A serde of {@link Decoded} records that writes the bytes a record was decoded from, re-encoding only when they
 * cannot serve: the record's Avro body is written again as it came whenever its writer schema is the schema this
 * serde writes, under the schema id of the target topic's subject (the id in the header is replaced where the
 * registry gave the same schema another id there). A record written with an older schema is encoded anew with the
 * current one, as {@link AvroSerializer} would. Reads are {@link AvroDeserializer}'s, keeping the bytes.
 */
public final class DecodedSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<Decoded<T>> {

    public DecodedSerde(SchemaRegistry registry, Class<T> type, SerdeSettings settings) {
        super(new Writer<>(registry, type, settings), new Reader<>(new AvroDeserializer<>(registry, type)));
    }

    private record Reader<T extends SpecificRecord>(AvroDeserializer<T> avro) implements Deserializer<Decoded<T>> {

        @Override
        public Decoded<T> deserialize(String topic, byte[] payload) {
            return payload == null ? null : new Decoded<>(avro.deserialize(topic, payload), payload);
        }
    }

    private static final class Writer<T extends SpecificRecord> implements Serializer<Decoded<T>> {

        private final SchemaRegistry registry;
        private final AvroSerializer<T> avro;
        private final Schema schema;
        /** Whether the schema of each writer schema id met so far is the one this serde writes. */
        private final Map<Integer, Boolean> current = new ConcurrentHashMap<>();

        Writer(SchemaRegistry registry, Class<T> type, SerdeSettings settings) {
            this.registry = registry;
            this.avro = new AvroSerializer<>(registry, type, settings);
            this.schema = SpecificData.getForClass(type).getSchema(type);
        }

        @Override
        public byte[] serialize(String topic, Decoded<T> decoded) {
            if (decoded == null) {
                return null;
            }
            int writerId = WireFormat.unframe(topic, decoded.payload()).schemaId();
            if (!current.computeIfAbsent(writerId, this::isCurrent)) {
                return avro.serialize(topic, decoded.value());
            }
            int targetId = avro.schemaId(topic);
            return targetId == writerId ? decoded.payload() : WireFormat.reframe(targetId, decoded.payload());
        }

        private boolean isCurrent(int writerId) {
            try {
                return registry.schemaById(writerId).equals(schema);
            } catch (RegistryException e) {
                throw new SerializationException("the record names writer schema id " + writerId
                        + ", which the registry cannot provide: " + e.getMessage(), e);
            }
        }
    }
}
