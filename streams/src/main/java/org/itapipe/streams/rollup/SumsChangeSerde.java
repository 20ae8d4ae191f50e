package org.itapipe.streams.rollup;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serdes;
import org.itapipe.streams.BinaryFields;

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
        return BinaryFields.readWhole(bytes, "a change of sums", in -> new SumsChange(getStats(in), getStats(in)));
    }

    private static AreaStats getStats(ByteBuffer in) {
        byte[] stats = new byte[in.getInt()];
        in.get(stats);
        return AreaStatsSerde.read(stats);
    }
}
