package org.itapipe.bench;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.itapipe.config.TopicSettings;
import org.itapipe.schemas.topics.Topics;

/** Topics only the benchmarks' peers write: partitioned like the pipeline's own, on the single embedded broker. */
final class BenchTopics {

    private BenchTopics() {
    }

    static void create(Admin admin, String name) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(name, TopicSettings.SINGLE_BROKER.partitions(),
                TopicSettings.SINGLE_BROKER.replicationFactor()))).all().get();
    }
}
