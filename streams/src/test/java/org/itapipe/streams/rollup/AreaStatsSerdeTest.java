package org.itapipe.streams.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AreaStatsSerdeTest {

    @Test
    void aNationalAreasSumsReadBackEqualAndFarSmallerThanAsJson() throws Exception {
        Random random = new Random(2568);
        AreaStats stats = AreaStats.empty();
        for (int i = 0; i < 7_850; i++) {
            long total = 5_000 + random.nextInt(5_001);
            stats = stats.plus(AreaStats.of(new MemberSummary(total, total >= 9_500 ? "EXCELLENT_PASS" : "NOT_PASSED",
                    total >= 8_500, Map.of(1, total, 9, 10_000L - random.nextInt(50)), random.nextBoolean(),
                    random.nextBoolean() ? null : (long) random.nextInt(2_001) - 1_000)));
        }

        byte[] bytes = AreaStatsSerde.write(stats);

        assertThat(AreaStatsSerde.read(bytes)).usingRecursiveComparison().isEqualTo(stats);
        assertThat(bytes.length).as("about a byte per sorted total").isLessThan(stats.count() * 2);
        assertThat(bytes.length * 4).isLessThan(new ObjectMapper().writeValueAsBytes(stats).length);
    }

    @Test
    void theEmptyAreaReadsBack() {
        assertThat(AreaStatsSerde.read(AreaStatsSerde.write(AreaStats.empty()))).usingRecursiveComparison()
                .isEqualTo(AreaStats.empty());
    }

    @Test
    void anotherFormatVersionIsRefusedWithTheWayOut() {
        byte[] bytes = AreaStatsSerde.write(AreaStats.empty());
        bytes[0] = 9;
        assertThatThrownBy(() -> AreaStatsSerde.read(bytes)).isInstanceOf(SerializationException.class)
                .hasMessage("area sums of format version 9, this build reads 3: start with a new "
                        + "streams.application-id (docs/streams.md)");
    }

    @Test
    void cutShortOrTrailingBytesAreRefused() {
        byte[] bytes = AreaStatsSerde.write(AreaStats.of(new MemberSummary(9_430, "GOOD_PASS", true,
                Map.of(1, 10_000L), false, null)));
        assertThatThrownBy(() -> AreaStatsSerde.read(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class).hasMessageStartingWith("area sums cut short");
        assertThatThrownBy(() -> AreaStatsSerde.read(Arrays.copyOf(bytes, bytes.length + 2)))
                .isInstanceOf(SerializationException.class).hasMessage("area sums with 2 bytes after the end");
    }
}
