package org.itapipe.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void aFrameIsMagicByteThenBigEndianIdThenPayload() {
        byte[] framed = WireFormat.frame(0x01020304, new byte[] {42, 43});

        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 42, 43);
    }

    @Test
    void unframingGivesBackTheIdAndThePayload() {
        WireFormat.Framed framed = WireFormat.unframe("t", WireFormat.frame(77, new byte[] {9}));

        assertThat(framed.schemaId()).isEqualTo(77);
        assertThat(framed.avro().remaining()).isEqualTo(1);
        assertThat(framed.avro().get()).isEqualTo((byte) 9);
    }

    @Test
    void jsonIsRejectedNamingTheTopicAndTheFirstByte() {
        byte[] json = "{\"orgCode\":\"1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WireFormat.unframe("ita.submissions.v1", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ita.submissions.v1").hasMessageContaining("0x7b");
    }

    @Test
    void aPayloadShorterThanTheHeaderIsRejected() {
        assertThatThrownBy(() -> WireFormat.unframe("t", new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2 bytes long");
    }
}
