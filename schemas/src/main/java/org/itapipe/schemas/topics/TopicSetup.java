package org.itapipe.schemas.topics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.itapipe.config.KafkaSettings;

/** Creates the pipeline's topics that do not exist yet; existing topics are left as they are. */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Creates every topic of {@link Topics#ALL} that is missing, with its own short-lived admin client. */
    public static List<String> createMissing(KafkaSettings kafka, short replicationFactor) {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            return createMissing(admin, Topics.ALL, replicationFactor);
        }
    }

    /** @return the names of the topics created */
    public static List<String> createMissing(Admin admin, List<Topic<String, ? extends SpecificRecord>> topics,
                                             short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> topic.newTopic(replicationFactor))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the pipeline's topics: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
