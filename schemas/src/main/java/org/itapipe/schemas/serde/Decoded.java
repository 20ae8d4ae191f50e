package org.itapipe.schemas.serde;

import java.util.Arrays;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record as it was decoded, with the Confluent wire-format bytes it was decoded from. {@link DecodedSerde} writes
 * those bytes again instead of encoding the record anew, so a record that is stored and published as it arrived is
 * encoded once, by its producer. The value must not be changed: the bytes would no longer be its encoding.
 */
public record Decoded<T extends SpecificRecord>(T value, byte[] payload) {

    public Decoded {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(payload, "payload");
    }

    /** Equal when the bytes are: they determine the value. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Decoded<?> decoded && Arrays.equals(decoded.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return value + " (" + payload.length + " bytes)";
    }
}
