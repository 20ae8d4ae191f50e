package org.itapipe.streams.rollup;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A province-type area's {@link SumsChange} on the {@code national-type-parts} repartition topic: the sums before and
 * after, each in {@link AreaStatsSerde}'s format behind its length.
 */
public final class SumsChangeSerde extends Serdes.WrapperSerde<SumsChange> {

    public SumsChangeSerde() {
        super((topic, change) -> change == null ? null : write(change),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static byte[] write(SumsChange change) {
        byte[] before = AreaStatsSerde.write(change.before());
        byte[] after = AreaStatsSerde.write(change.after());
        return ByteBuffer.allocate(4 + before.length + 4 + after.length)
                .putInt(before.length).put(before).putInt(after.length).put(after).array();
    }

    static SumsChange read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            SumsChange change = new SumsChange(getStats(in), getStats(in));
            if (in.hasRemaining()) {
                throw new SerializationException("a change of sums with " + in.remaining() + " bytes after the end");
            }
            return change;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new SerializationException("a change of sums cut short (" + bytes.length + " bytes)", e);
        }
    }

    private static AreaStats getStats(ByteBuffer in) {
        byte[] stats = new byte[in.getInt()];
        in.get(stats);
        return AreaStatsSerde.read(stats);
    }
}
