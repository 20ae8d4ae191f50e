package org.itapipe.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.DeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class TopicSetupTest {

    @Test
    void servicesStartedTogetherCreateEachTopicOnceAndNoneFails(Connections connections) throws Exception {
        List<Topic<String, ? extends SpecificRecord>> topics = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            topics.add(new Topic<>("race-" + UUID.randomUUID(), Serdes.String(), "<key>", DeadLetter.class,
                    Topic.CleanupPolicy.DELETE, Duration.ofHours(1).toMillis()));
        }
        ExecutorService services = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> created = new ArrayList<>();
        try (Admin admin = Admin.create(connections.kafka().clientProperties())) {
            for (int service = 0; service < 4; service++) {
                created.add(services.submit(() -> TopicSetup.createMissing(admin, topics, TopicSettings.SINGLE_BROKER)));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : created) {
                all.addAll(result.get());
            }

            assertThat(all).containsExactlyInAnyOrderElementsOf(topics.stream().map(Topic::name).toList());
            assertThat(admin.listTopics().names().get()).containsAll(all);
        } finally {
            services.shutdownNow();
        }
    }
}
