package org.itapipe.streams.derive;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.streams.BinaryFields;

/**
 * The {@code alert-states} store's format for {@link AlertStates}: versioned binary, a count and (item code, state
 * name) pairs. A state is written by name, so a new state added to the enum does not shift the others; a name this
 * build does not know fails the read instead of being dropped.
 */
public final class AlertStatesSerde extends Serdes.WrapperSerde<AlertStates> {

    static final byte VERSION = 1;

    public AlertStatesSerde() {
        super((topic, states) -> states == null ? null : write(states),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static byte[] write(AlertStates states) {
        int size = 1 + 4;
        for (Map.Entry<String, AlertState> item : states.byItem().entrySet()) {
            size += BinaryFields.sizeOf(item.getKey()) + BinaryFields.sizeOf(item.getValue().name());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION);
        out.putInt(states.byItem().size());
        states.byItem().forEach((item, state) -> {
            BinaryFields.putString(out, item);
            BinaryFields.putString(out, state.name());
        });
        return out.array();
    }

    static AlertStates read(byte[] bytes) {
        return BinaryFields.readWhole(bytes, "alert states", in -> {
            BinaryFields.readVersion(in, VERSION, "alert states");
            Map<String, AlertState> byItem = new TreeMap<>();
            for (int i = in.getInt(); i > 0; i--) {
                byItem.put(BinaryFields.getString(in), AlertState.valueOf(BinaryFields.getString(in)));
            }
            return new AlertStates(byItem);
        });
    }
}
