package org.itapipe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupMembershipTest {

    private static final ConfigSource NOTHING = ConfigSource.of(Map.of(), Map.of());

    @Test
    void aFixedPortMakesTheMembershipStaticUnderHostAndPort() {
        GroupMembership membership = GroupMembership.from(NOTHING, "sink", HttpEndpoint.from(NOTHING, "sink.http", 8083));

        assertThat(membership.instanceId()).hasValueSatisfying(id -> assertThat(id).endsWith("-8083"));
        assertThat(membership.consumerConfig()).containsOnlyKeys("group.instance.id");
    }

    @Test
    void aRandomPortOrNoneLeavesTheMembershipDynamic() {
        HttpEndpoint randomPort = HttpEndpoint.from(NOTHING, "sink.http", 0);
        assertThat(GroupMembership.from(NOTHING, "sink", randomPort)).isEqualTo(GroupMembership.DYNAMIC);
        assertThat(GroupMembership.from(ConfigSource.of(Map.of("sink.instance-id", "none"), Map.of()), "sink",
                HttpEndpoint.from(NOTHING, "sink.http", 8083)).consumerConfig()).isEmpty();
    }

    @Test
    void aConfiguredIdWinsAndABadOneNamesItsKey() {
        ConfigSource config = ConfigSource.of(Map.of("streams.instance-id", "khonkaen-a"), Map.of());
        assertThat(GroupMembership.from(config, "streams", HttpEndpoint.from(NOTHING, "streams.http", 0)).instanceId())
                .contains("khonkaen-a");
        assertThatThrownBy(() -> GroupMembership.from(ConfigSource.of(Map.of("streams.instance-id", "a b"), Map.of()),
                "streams", HttpEndpoint.from(NOTHING, "streams.http", 0)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("streams.instance-id: 'a b' must be printable ASCII without spaces, or none");
    }

    @Test
    void aSessionTimeoutWithinTheBrokersLimitsIsPassedOnAndOneOutsideThemNamesItsKeyAndRange() {
        HttpEndpoint random = HttpEndpoint.from(NOTHING, "streams.http", 0);
        assertThat(GroupMembership.from(ConfigSource.of(Map.of("streams.session-timeout-ms", "10000"), Map.of()),
                "streams", random).consumerConfig()).containsExactly(Map.entry("session.timeout.ms", 10_000));
        assertThat(GroupMembership.from(ConfigSource.of(Map.of("sink.instance-id", "a",
                "sink.session-timeout-ms", "6000"), Map.of()), "sink", random).consumerConfig())
                .containsOnly(Map.entry("group.instance.id", "a"), Map.entry("session.timeout.ms", 6_000));
        for (String bad : new String[] {"5999", "1800001", "ten seconds"}) {
            assertThatThrownBy(() -> GroupMembership.from(ConfigSource.of(Map.of("streams.session-timeout-ms", bad),
                    Map.of()), "streams", random))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("streams.session-timeout-ms: '" + bad + "' must be milliseconds from 6000 to 1800000 "
                            + "(the broker's limits)");
        }
    }
}
