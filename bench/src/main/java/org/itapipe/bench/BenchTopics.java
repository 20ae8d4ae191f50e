package org.itapipe.bench;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.itapipe.schemas.topics.Topics;

/** Topics only the benchmarks' peers write: partitioned like the pipeline's own, on the single embedded broker. */
final class BenchTopics {

    private BenchTopics() {
    }

    static void create(Admin admin, String name) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(name, Topics.PARTITIONS, (short) 1))).all().get();
    }
}
