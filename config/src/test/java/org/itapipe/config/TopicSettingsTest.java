package org.itapipe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

    @Test
    void withoutSettingsTopicsAreForOneBrokerWithThreePartitions() {
        assertThat(TopicSettings.from(ConfigSource.of(Map.of(), Map.of()))).isEqualTo(TopicSettings.SINGLE_BROKER)
                .isEqualTo(new TopicSettings((short) 1, 3));
    }

    @Test
    void aThreeBrokerClusterSetsBothKeys() {
        assertThat(TopicSettings.from(ConfigSource.of(Map.of("topics.replication-factor", "3",
                "topics.partitions", "6"), Map.of()))).isEqualTo(new TopicSettings((short) 3, 6));
    }

    @Test
    void aBadValueNamesItsKeyAndTheRule() {
        assertThatThrownBy(() -> TopicSettings.from(ConfigSource.of(Map.of("topics.partitions", "three"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessage("topics.partitions: 'three' is not a whole number");
        assertThatThrownBy(() -> TopicSettings.from(ConfigSource.of(Map.of("topics.replication-factor", "0"),
                Map.of()))).isInstanceOf(ConfigException.class)
                .hasMessage("topics.replication-factor must be at least 1, not 0");
    }
}
