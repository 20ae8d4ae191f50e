package org.itapipe.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The fields the binary formats of the internal state share ({@code AreaStatsSerde}, {@code AreaUpdatesSerde},
 * {@code AlertStatesSerde}), each with its size: the format version first, a string as a two-byte length and its
 * UTF-8 bytes, and indicator amounts in cents as a count and (number, cents) pairs.
 */
public final class BinaryFields {

    private BinaryFields() {
    }

    /**
     * Reads the version byte, refusing another version with the way out: a new application id rebuilds the state from
     * the submissions. {@code what} names the record, as in "area sums".
     */
    public static void readVersion(ByteBuffer in, byte version, String what) {
        byte found = in.get();
        if (found != version) {
            throw new SerializationException(what + " of format version " + found + ", this build reads " + version
                    + ": start with a new streams.application-id (docs/streams.md)");
        }
    }

    public static int sizeOf(String text) {
        return 2 + text.getBytes(StandardCharsets.UTF_8).length;
    }

    public static void putString(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) bytes.length).put(bytes);
    }

    public static String getString(ByteBuffer in) {
        byte[] bytes = new byte[in.getShort()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static int sizeOf(Map<Integer, Long> cents) {
        return 4 + cents.size() * 12;
    }

    public static void putCents(ByteBuffer out, Map<Integer, Long> cents) {
        out.putInt(cents.size());
        cents.forEach((number, amount) -> out.putInt(number).putLong(amount));
    }

    public static Map<Integer, Long> getCents(ByteBuffer in) {
        Map<Integer, Long> cents = new TreeMap<>();
        for (int i = in.getInt(); i > 0; i--) {
            cents.put(in.getInt(), in.getLong());
        }
        return cents;
    }
}
