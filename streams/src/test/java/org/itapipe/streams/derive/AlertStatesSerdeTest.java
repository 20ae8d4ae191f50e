package org.itapipe.streams.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.itapipe.schemas.avro.AlertState;
import org.junit.jupiter.api.Test;

class AlertStatesSerdeTest {

    private static final AlertStates STATES = new AlertStates(Map.of("o5", AlertState.OPEN, "o12",
            AlertState.RESOLVED, "o25", AlertState.WITHDRAWN));

    @Test
    void everyStateReadsBackEqualAndNoStatesToo() {
        assertThat(AlertStatesSerde.read(AlertStatesSerde.write(STATES))).isEqualTo(STATES);
        assertThat(AlertStatesSerde.read(AlertStatesSerde.write(AlertStates.NONE))).isEqualTo(AlertStates.NONE);
    }

    @Test
    void anotherVersionACutRecordOrAnUnknownStateIsRefusedWithTheReason() {
        byte[] bytes = AlertStatesSerde.write(STATES);
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 7;
        byte[] unknownState = AlertStatesSerde.write(new AlertStates(Map.of("o5", AlertState.OPEN)));
        unknownState[unknownState.length - 1] = 'X'; // "OPEN" -> "OPEX"

        assertThatThrownBy(() -> AlertStatesSerde.read(otherVersion)).isInstanceOf(SerializationException.class)
                .hasMessage("alert states of format version 7, this build reads 1: start with a new "
                        + "streams.application-id (docs/streams.md)");
        assertThatThrownBy(() -> AlertStatesSerde.read(Arrays.copyOf(bytes, bytes.length - 2)))
                .isInstanceOf(SerializationException.class).hasMessageStartingWith("alert states cut short");
        assertThatThrownBy(() -> AlertStatesSerde.read(unknownState)).isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("not alert states: ");
    }
}
