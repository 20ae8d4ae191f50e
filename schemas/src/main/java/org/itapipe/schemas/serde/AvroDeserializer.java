package org.itapipe.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.itapipe.schemas.registry.RegistryException;
import org.itapipe.schemas.registry.SchemaRegistry;

/**
 * Reads Confluent wire-format records into a specific Avro class. The writer's schema is fetched by the id in the
 * record and resolved against the reader class's schema, so records written with an older (or newer,
 * BACKWARD-compatible) schema still read. Bytes that cannot be decoded raise a {@link SerializationException} that
 * says why; a null payload (a tombstone) reads as null.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final SchemaRegistry registry;
    private final SpecificData model;
    private final Schema readerSchema;
    private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

    public AvroDeserializer(SchemaRegistry registry, Class<T> type) {
        this.registry = registry;
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
    }

    @Override
    public T deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        WireFormat.Framed framed = WireFormat.unframe(topic, payload);
        SpecificDatumReader<T> reader = readersByWriterId.computeIfAbsent(framed.schemaId(),
                id -> new SpecificDatumReader<>(writerSchema(topic, id), readerSchema, model));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(framed.avro().array(),
                framed.avro().arrayOffset(), framed.avro().remaining(), null);
        T record;
        boolean trailingBytes;
        try {
            record = reader.read(null, decoder);
            trailingBytes = !decoder.isEnd();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode the record on " + topic + " with writer schema id "
                    + framed.schemaId() + " as " + readerSchema.getFullName() + ": " + e, e);
        }
        if (trailingBytes) {
            throw new SerializationException("record on " + topic + " has bytes left after the Avro record of "
                    + "schema id " + framed.schemaId() + ": corrupt payload or wrong schema id");
        }
        return record;
    }

    private Schema writerSchema(String topic, int id) {
        try {
            return registry.schemaById(id);
        } catch (RegistryException e) {
            throw new SerializationException("record on " + topic + " names schema id " + id
                    + ", which the registry cannot provide: " + e.getMessage(), e);
        }
    }
}
