package org.itapipe.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.itapipe.config.TopicSettings;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicNameIsUniqueAndCarriesAVersionSuffix() {
        assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("ita.") && name.matches(".*\\.v\\d+"));
    }

    @Test
    void submissionsAreKeptForeverAndDerivedTablesAreCompacted() {
        NewTopic submissions = Topics.SUBMISSIONS.newTopic(TopicSettings.SINGLE_BROKER);

        assertThat(submissions.configs()).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
        assertThat(Topics.INDICATOR_GAPS.cleanupPolicy()).isEqualTo(Topic.CleanupPolicy.COMPACT);
        assertThat(Topics.OIT_ALERTS.cleanupPolicy()).isEqualTo(Topic.CleanupPolicy.COMPACT);
    }

    @Test
    void keysFollowTheDocumentedFormats() {
        assertThat(Topics.orgYearKey("6190803", 2568)).isEqualTo("6190803/2568");
        assertThat(Topics.areaKey(2568, "1908", null)).isEqualTo("2568/1908");
        assertThat(Topics.areaKey(2568, "19", org.itapipe.schemas.avro.OrganizationType.TOWN_MUNICIPALITY))
                .isEqualTo("2568/19/TOWN_MUNICIPALITY");
        assertThat(Topics.alertKey("6190803", 2568, "o23")).isEqualTo("6190803/2568/o23");
    }

    @Test
    void aTopicIsCreatedWithThePartitionsAndReplicasOfTheSettings() {
        NewTopic topic = Topics.OIT_ALERTS.newTopic(new TopicSettings((short) 3, 6));
        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
    }
}
