package org.itapipe.streams.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.OrganizationType;
import org.junit.jupiter.api.Test;

class AreaUpdatesSerdeTest {

    private static final Area DISTRICT = new Area(AreaLevel.DISTRICT, 2568, "1908", null);
    private static final Area PROVINCE_TYPE = new Area(AreaLevel.PROVINCE, 2568, "19",
            OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION);
    private static final Area NEXT_YEAR = new Area(AreaLevel.PROVINCE, 2569, "19",
            OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION);
    private static final MemberSummary BEFORE = new MemberSummary(9_430, "PASSED_GOOD", true,
            Map.of(1, 10_000L, 9, 8_250L, 10, 9_000L), true, null);
    private static final MemberSummary AFTER = new MemberSummary(9_820, "EXCELLENT_PASS", true,
            Map.of(1, 10_000L, 9, 9_950L, 10, 9_000L), false, -35L);

    private final AreaUpdatesSerde serde = new AreaUpdatesSerde();

    @Test
    void everyKindOfUpdateReadsBackEqualAndInOrder() throws Exception {
        List<AreaUpdate> updates = List.of(
                new AreaUpdate(DISTRICT, "6190803", null, AFTER),
                new AreaUpdate(PROVINCE_TYPE, "6190803", BEFORE, AFTER),
                new AreaUpdate(NEXT_YEAR, "6190803", BEFORE, null));
        byte[] bytes = serde.serializer().serialize("province-updates", updates);

        assertThat(serde.deserializer().deserialize("province-updates", bytes)).isEqualTo(updates);
        assertThat(bytes.length).as("smaller than as JSON")
                .isLessThan(new ObjectMapper().writeValueAsBytes(updates).length / 2);
        assertThat(serde.deserializer().deserialize("province-updates",
                serde.serializer().serialize("province-updates", List.of()))).isEmpty();
    }

    @Test
    void anotherVersionOrACutRecordIsRefusedWithTheReason() {
        byte[] bytes = AreaUpdatesSerde.write(List.of(new AreaUpdate(DISTRICT, "6190803", BEFORE, AFTER)));
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 9;

        assertThatThrownBy(() -> AreaUpdatesSerde.read(otherVersion)).isInstanceOf(SerializationException.class)
                .hasMessage("area updates of format version 9, this build reads 1: start with a new "
                        + "streams.application-id (docs/streams.md)");
        assertThatThrownBy(() -> AreaUpdatesSerde.read(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class).hasMessageStartingWith("area updates cut short");
    }
}
