package org.itapipe.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format, which every Confluent-compatible serde reads and writes: one magic byte 0, the schema id
 * as a 4-byte big-endian integer, then the Avro binary encoding of the record.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    /** A framed payload taken apart. */
    public record Framed(int schemaId, ByteBuffer avro) {
    }

    private WireFormat() {
    }

    public static byte[] frame(int schemaId, byte[] avro) {
        return ByteBuffer.allocate(HEADER_LENGTH + avro.length).put(MAGIC_BYTE).putInt(schemaId).put(avro).array();
    }

    /** A copy of a framed payload under another schema id: the same Avro body, for a subject that gave it that id. */
    public static byte[] reframe(int schemaId, byte[] payload) {
        byte[] copy = payload.clone();
        ByteBuffer.wrap(copy).putInt(1, schemaId);
        return copy;
    }

    /** Takes a payload apart, or says exactly why it is not in this format. */
    public static Framed unframe(String topic, byte[] payload) {
        if (payload.length < HEADER_LENGTH) {
            throw new SerializationException("record on " + topic + " is " + payload.length + " bytes long, shorter "
                    + "than the 5-byte Confluent wire-format header: not written by an Avro registry serializer");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("record on %s starts with byte 0x%02x, not the Confluent "
                    + "wire-format magic byte 0x00: not written by an Avro registry serializer (plain JSON or text "
                    + "starts with 0x7b or a letter)", topic, payload[0]));
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        buffer.get();
        int schemaId = buffer.getInt();
        return new Framed(schemaId, buffer.slice());
    }
}
