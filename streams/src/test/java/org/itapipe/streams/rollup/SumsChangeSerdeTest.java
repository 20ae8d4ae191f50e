package org.itapipe.streams.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SumsChangeSerdeTest {

    private static final AreaStats ONE = AreaStats.of(new MemberSummary(9_430, "PASSED_GOOD", true,
            Map.of(1, 10_000L), true, null));
    private static final AreaStats TWO = ONE.plus(AreaStats.of(new MemberSummary(8_000, "NOT_PASSED", false,
            Map.of(1, 7_000L), false, -35L)));

    @Test
    void theSumsBeforeAndAfterReadBackEqual() {
        SumsChange change = new SumsChange(ONE, TWO);

        SumsChange read = SumsChangeSerde.read(SumsChangeSerde.write(change));

        assertThat(read).usingRecursiveComparison().isEqualTo(change);
        assertThat(read.appliedTo(ONE)).usingRecursiveComparison().isEqualTo(TWO);
    }

    @Test
    void aCutOrOverlongRecordIsRefusedWithTheReason() {
        byte[] bytes = SumsChangeSerde.write(new SumsChange(AreaStats.empty(), ONE));

        assertThatThrownBy(() -> SumsChangeSerde.read(Arrays.copyOf(bytes, bytes.length - 2)))
                .isInstanceOf(SerializationException.class).hasMessageStartingWith("a change of sums cut short");
        assertThatThrownBy(() -> SumsChangeSerde.read(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessage("a change of sums with 1 bytes after the end");
    }
}
