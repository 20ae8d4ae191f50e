package org.itapipe.streams.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AreaStatsTest {

    private final Random random = new Random(2568);

    @Test
    void aSumOfPartsEqualsTheSumsOfAllTheirMembersAndAPartComesOffExactly() {
        AreaStats whole = AreaStats.empty();
        AreaStats north = AreaStats.empty();
        AreaStats south = AreaStats.empty();
        for (int i = 0; i < 200; i++) {
            AreaStats member = AreaStats.of(randomMember());
            whole = whole.plus(member);
            north = i % 3 == 0 ? north.plus(member) : north;
            south = i % 3 == 0 ? south : south.plus(member);
        }

        assertThat(north.plus(south)).usingRecursiveComparison().isEqualTo(whole);
        assertThat(whole.minus(north)).usingRecursiveComparison().isEqualTo(south);
        AreaStats none = whole.minus(whole);
        assertThat(none).usingRecursiveComparison().ignoringFields("indicatorSumCents").isEqualTo(AreaStats.empty());
        assertThat(none.indicatorSumCents()).as("an indicator once seen stays, at zero").containsOnlyKeys(1, 9)
                .containsValues(0L);
    }

    @Test
    void aMembersUpdateReplacesItsPreviousContribution() {
        MemberSummary before = randomMember();
        MemberSummary after = randomMember();
        AreaStats others = AreaStats.of(randomMember()).plus(AreaStats.of(randomMember()));

        AreaStats updated = others.plus(AreaStats.of(before))
                .apply(new AreaUpdate(null, "6190801", before, after));

        assertThat(updated).usingRecursiveComparison().isEqualTo(others.plus(AreaStats.of(after)));
    }

    @Test
    void takingOffTotalsTheAreaNeverHadIsRefused() {
        AreaStats area = AreaStats.of(member(9_430)).plus(AreaStats.of(member(8_000)));

        assertThatThrownBy(() -> area.minus(AreaStats.of(member(9_000))))
                .isInstanceOf(IllegalStateException.class).hasMessage("removing a total 90.00 the area never had");
        assertThatThrownBy(() -> area.minus(area.plus(AreaStats.of(member(9_999)))))
                .isInstanceOf(IllegalStateException.class).hasMessage("removing a total 99.99 the area never had");
    }

    private MemberSummary randomMember() {
        long total = 5_000 + random.nextInt(5_001);
        return new MemberSummary(total, total >= 9_500 ? "EXCELLENT_PASS" : "NOT_PASSED", total >= 8_500,
                Map.of(1, total, 9, 10_000L - random.nextInt(50)), random.nextBoolean(),
                random.nextBoolean() ? null : (long) random.nextInt(2_001) - 1_000);
    }

    private static MemberSummary member(long total) {
        return new MemberSummary(total, "GOOD_PASS", true, Map.of(1, total), false, null);
    }
}
