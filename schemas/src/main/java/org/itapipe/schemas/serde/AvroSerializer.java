package org.itapipe.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.itapipe.schemas.registry.RegistryException;
import org.itapipe.schemas.registry.SchemaRegistry;

/** Writes specific Avro records in Confluent's wire format, with the schema id from the registry. */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final SchemaRegistry registry;
    private final SerdeSettings settings;
    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    public AvroSerializer(SchemaRegistry registry, Class<T> type, SerdeSettings settings) {
        this.registry = registry;
        this.settings = settings;
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        int schemaId = schemaId(topic);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + schema.getFullName() + " for " + topic + ": "
                    + e.getMessage(), e);
        }
        return WireFormat.frame(schemaId, out.toByteArray());
    }

    /** The id of this serializer's schema under the subject of {@code topic}, asked of the registry once per topic. */
    int schemaId(String topic) {
        return idsByTopic.computeIfAbsent(topic, this::subjectSchemaId);
    }

    private int subjectSchemaId(String topic) {
        String subject = settings.subject(topic);
        try {
            return settings.autoRegister() ? registry.register(subject, schema) : registry.idOf(subject, schema);
        } catch (RegistryException e) {
            throw new SerializationException("no schema id for " + schema.getFullName() + " under subject " + subject
                    + (settings.autoRegister() ? "" : " (auto-registration is off: register the schema first)")
                    + ": " + e.getMessage(), e);
        }
    }
}
