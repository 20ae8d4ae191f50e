package org.itapipe.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.itapipe.config.Connections;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serde against a real Confluent-API registry: bytes any Confluent serde reads, and schema evolution. */
@ExtendWith(EmbeddedStackExtension.class)
class AvroSerdeTest {

    private SchemaRegistryClient registry;
    private String topic;

    @BeforeEach
    void connect(Connections connections) {
        registry = new SchemaRegistryClient(connections.registry());
        topic = "serde-" + UUID.randomUUID();
    }

    @Test
    void aSubmissionSurvivesTheRoundTripWithExactDecimals() {
        ScoreSubmission original = SampleSubmissions.banKluai2568();
        AvroSerde<ScoreSubmission> serde = new AvroSerde<>(registry, ScoreSubmission.class, SerdeSettings.values(true));

        ScoreSubmission read = serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, original));

        assertThat(read).isEqualTo(original);
        assertThat(read.getReportedTotal()).hasToString("94.30");
        assertThat(read.getIndicators().get(8).getScore()).hasToString("82.50");
    }

    @Test
    void theBytesAreMagicByteSchemaIdOfTheValueSubjectAndPlainAvroBinary() throws Exception {
        ScoreSubmission original = SampleSubmissions.banKluai2568();
        byte[] bytes = new AvroSerializer<>(registry, ScoreSubmission.class, SerdeSettings.values(true))
                .serialize(topic, original);

        int registeredId = registry.idOf(topic + "-value", ScoreSubmission.getClassSchema());
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(original));
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaIsAClearError() {
        AvroSerializer<ScoreSubmission> serializer =
                new AvroSerializer<>(registry, ScoreSubmission.class, SerdeSettings.PRODUCTION_VALUES);

        assertThatThrownBy(() -> serializer.serialize(topic, SampleSubmissions.banKluai2568()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(topic + "-value").hasMessageContaining("auto-registration is off");
    }

    @Test
    void recordsWrittenBeforeAnOptionalFieldWasAddedStillRead() throws Exception {
        Schema current = ScoreSubmission.getClassSchema();
        Schema older = withoutField(current, "flags");
        int olderId = registry.register(topic + "-value", older);
        byte[] olderBytes = WireFormat.frame(olderId, genericAvro(older, SampleSubmissions.banKluai2568()));

        int currentId = registry.register(topic + "-value", current);
        ScoreSubmission read = new AvroDeserializer<>(registry, ScoreSubmission.class).deserialize(topic, olderBytes);

        assertThat(currentId).isNotEqualTo(olderId);
        assertThat(read.getFlags()).isEmpty();
        assertThat(read.getReportedTotal()).isEqualTo(new BigDecimal("94.30"));
    }

    @Test
    void aDecodedRecordIsWrittenAgainAsItsBytesUnderTheSchemaIdOfEachTopicsSubject() {
        ScoreSubmission original = SampleSubmissions.banKluai2568();
        byte[] bytes = new AvroSerializer<>(registry, ScoreSubmission.class, SerdeSettings.values(true))
                .serialize(topic, original);
        DecodedSerde<ScoreSubmission> serde = new DecodedSerde<>(registry, ScoreSubmission.class,
                SerdeSettings.values(true));
        Decoded<ScoreSubmission> read = serde.deserializer().deserialize(topic, bytes);
        String otherTopic = topic + "-latest";

        byte[] again = serde.serializer().serialize(topic, read);
        byte[] elsewhere = serde.serializer().serialize(otherTopic, read);

        assertThat(read.value()).isEqualTo(original);
        assertThat(again).isSameAs(bytes);
        assertThat(ByteBuffer.wrap(elsewhere, 1, 4).getInt())
                .isEqualTo(registry.idOf(otherTopic + "-value", ScoreSubmission.getClassSchema()));
        assertThat(Arrays.copyOfRange(elsewhere, 5, elsewhere.length))
                .isEqualTo(Arrays.copyOfRange(bytes, 5, bytes.length));
        assertThat(new AvroDeserializer<>(registry, ScoreSubmission.class).deserialize(otherTopic, elsewhere))
                .isEqualTo(original);
    }

    @Test
    void aDecodedRecordWrittenWithAnOlderSchemaIsEncodedAnewWithTheCurrentOne() throws Exception {
        Schema older = withoutField(ScoreSubmission.getClassSchema(), "flags");
        byte[] olderBytes = WireFormat.frame(registry.register(topic + "-value", older),
                genericAvro(older, SampleSubmissions.banKluai2568()));
        DecodedSerde<ScoreSubmission> serde = new DecodedSerde<>(registry, ScoreSubmission.class,
                SerdeSettings.values(true));
        Decoded<ScoreSubmission> read = serde.deserializer().deserialize(topic, olderBytes);

        byte[] written = serde.serializer().serialize(topic, read);

        assertThat(written).isEqualTo(new AvroSerializer<>(registry, ScoreSubmission.class,
                SerdeSettings.values(true)).serialize(topic, read.value()));
        assertThat(ByteBuffer.wrap(written, 1, 4).getInt())
                .isEqualTo(registry.idOf(topic + "-value", ScoreSubmission.getClassSchema()));
    }

    @Test
    void bytesThatAreNotAvroRaiseASerializationErrorNeverNull() {
        AvroDeserializer<ScoreSubmission> deserializer = new AvroDeserializer<>(registry, ScoreSubmission.class);
        int id = registry.register(topic + "-value", ScoreSubmission.getClassSchema());

        assertThatThrownBy(() -> deserializer.deserialize(topic, WireFormat.frame(id, new byte[] {1, 2, 3})))
                .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + id);
        assertThatThrownBy(() -> deserializer.deserialize(topic, "not avro".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
    }

    @Test
    void anUnknownSchemaIdIsReportedAsSuch() {
        AvroDeserializer<ScoreSubmission> deserializer = new AvroDeserializer<>(registry, ScoreSubmission.class);

        assertThatThrownBy(() -> deserializer.deserialize(topic, WireFormat.frame(987_654, new byte[] {0})))
                .isInstanceOf(SerializationException.class).hasMessageContaining("987654");
    }

    @Test
    void aTombstoneReadsAsNull() {
        assertThat(new AvroDeserializer<>(registry, ScoreSubmission.class).deserialize(topic, null)).isNull();
    }

    private static byte[] plainAvro(ScoreSubmission record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(ScoreSubmission.getClassSchema(), SpecificData.getForClass(ScoreSubmission.class))
                .write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** The current schema minus one field that has a default: what an older producer wrote with. */
    private static Schema withoutField(Schema schema, String field) {
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false,
                schema.getFields().stream().filter(f -> !f.name().equals(field))
                        .map(f -> new Schema.Field(f, f.schema())).toList());
    }

    /** Writes the record's fields that {@code schema} has, as an older producer would. */
    private static byte[] genericAvro(Schema schema, ScoreSubmission record) throws Exception {
        GenericData model = SpecificData.getForClass(ScoreSubmission.class);
        GenericRecord older = new GenericData.Record(schema);
        schema.getFields().forEach(f -> older.put(f.name(), record.get(f.name())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema, model).write(older, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
