package org.itapipe.streams;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The fields the binary formats of the internal state share ({@code AreaStatsSerde}, {@code AreaUpdatesSerde},
 * {@code SumsChangeSerde}, {@code AlertStatesSerde}), each with its size: the format version first, a string as a
 * two-byte length and its UTF-8 bytes, and indicator amounts in cents as a count and (number, cents) pairs; and the
 * reading of a whole record, with the same refusals for all.
 */
public final class BinaryFields {

    private BinaryFields() {
    }

    /**
     * Reads one whole record with {@code body}, refusing with the reason what does not fit: a record cut short, bytes
     * left after it, a name this build does not know (an enum's {@code valueOf}). {@code what} names the record, as in
     * "area sums".
     */
    public static <T> T readWhole(byte[] bytes, String what, Function<ByteBuffer, T> body) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        T value;
        try {
            value = body.apply(in);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new SerializationException(what + " cut short (" + bytes.length + " bytes)", e);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("not " + what + ": " + e.getMessage(), e);
        }
        if (in.hasRemaining()) {
            throw new SerializationException(what + " with " + in.remaining() + " bytes after the end");
        }
        return value;
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
