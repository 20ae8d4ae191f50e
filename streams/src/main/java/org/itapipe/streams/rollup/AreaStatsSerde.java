package org.itapipe.streams.rollup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.itapipe.streams.BinaryFields;

/**
 * The rollup stores' format for {@link AreaStats}: versioned binary, because the national area's sorted totals
 * (about 7,850 of them per fiscal year and type) are read and written on every change of any member, and as JSON
 * that cost a 40 KB parse and print each time. The sorted totals are written as differences from the previous one in
 * variable-length form (most differences are a few cents: one byte each). A record of another format version is
 * refused with the way out: a new {@code streams.application-id} rebuilds the stores from the submissions.
 */
public final class AreaStatsSerde extends Serdes.WrapperSerde<AreaStats> {

    /**
     * 2: the stores of the hierarchy of sums (area, province, national-type, national), whose meaning changed. 3: the
     * same fields, but {@code area-stats} now holds each province's sums over all types too, summed by the task that
     * owns the province; a store of version 2 lacks them.
     */
    static final byte VERSION = 3;

    public AreaStatsSerde() {
        super(writer(), reader());
    }

    private static Serializer<AreaStats> writer() {
        return (topic, stats) -> stats == null ? null : write(stats);
    }

    private static Deserializer<AreaStats> reader() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(AreaStats stats) {
        int[] totals = stats.sortedTotalCents();
        int levelBytes = stats.levelCounts().keySet().stream().mapToInt(level -> BinaryFields.sizeOf(level) + 4).sum();
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 8 + 8 + BinaryFields.sizeOf(stats.indicatorSumCents()) + 4
                + levelBytes + 4 + 4 + 4 + 8 + 4 + totals.length * 5);
        out.put(VERSION);
        out.putInt(stats.count());
        out.putLong(stats.sumTotalCents());
        out.putLong(stats.sumSquaresCents2());
        BinaryFields.putCents(out, stats.indicatorSumCents());
        out.putInt(stats.levelCounts().size());
        stats.levelCounts().forEach((level, count) -> {
            BinaryFields.putString(out, level);
            out.putInt(count);
        });
        out.putInt(stats.passing());
        out.putInt(stats.withOitAlert());
        out.putInt(stats.changes());
        out.putLong(stats.sumChangeCents());
        out.putInt(totals.length);
        int previous = 0;
        for (int total : totals) {
            writeVarint(out, total - previous); // sorted, so never negative
            previous = total;
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    static AreaStats read(byte[] bytes) {
        return BinaryFields.readWhole(bytes, "area sums", in -> {
            BinaryFields.readVersion(in, VERSION, "area sums");
            int count = in.getInt();
            long sumTotal = in.getLong();
            long sumSquares = in.getLong();
            Map<Integer, Long> indicators = BinaryFields.getCents(in);
            Map<String, Integer> levels = new TreeMap<>();
            for (int i = in.getInt(); i > 0; i--) {
                levels.put(BinaryFields.getString(in), in.getInt());
            }
            int passing = in.getInt();
            int withOitAlert = in.getInt();
            int changes = in.getInt();
            long sumChange = in.getLong();
            int[] totals = new int[in.getInt()];
            int previous = 0;
            for (int i = 0; i < totals.length; i++) {
                previous += readVarint(in);
                totals[i] = previous;
            }
            return new AreaStats(count, sumTotal, sumSquares, indicators, levels, passing, withOitAlert, changes,
                    sumChange, totals);
        });
    }

    private static void writeVarint(ByteBuffer out, int value) {
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            out.put((byte) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.put((byte) rest);
    }

    private static int readVarint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.get() & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new SerializationException("a sorted total's difference longer than five bytes");
    }
}
