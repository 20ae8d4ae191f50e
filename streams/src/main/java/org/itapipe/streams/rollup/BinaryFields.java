package org.itapipe.streams.rollup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields the rollups' binary formats share ({@link AreaStatsSerde}, {@link AreaUpdatesSerde}), each with its size:
 * a string as a two-byte length and its UTF-8 bytes, and indicator amounts in cents as a count and (number, cents)
 * pairs.
 */
final class BinaryFields {

    private BinaryFields() {
    }

    static int sizeOf(String text) {
        return 2 + text.getBytes(StandardCharsets.UTF_8).length;
    }

    static void putString(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) bytes.length).put(bytes);
    }

    static String getString(ByteBuffer in) {
        byte[] bytes = new byte[in.getShort()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int sizeOf(Map<Integer, Long> cents) {
        return 4 + cents.size() * 12;
    }

    static void putCents(ByteBuffer out, Map<Integer, Long> cents) {
        out.putInt(cents.size());
        cents.forEach((number, amount) -> out.putInt(number).putLong(amount));
    }

    static Map<Integer, Long> getCents(ByteBuffer in) {
        Map<Integer, Long> cents = new TreeMap<>();
        for (int i = in.getInt(); i > 0; i--) {
            cents.put(in.getInt(), in.getLong());
        }
        return cents;
    }
}
