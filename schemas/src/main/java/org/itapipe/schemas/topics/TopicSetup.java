package org.itapipe.schemas.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.itapipe.config.KafkaSettings;
import org.itapipe.config.TopicSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics that do not exist yet; existing topics are left as they are. */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /** Creates every topic of {@link Topics#ALL} that is missing, with its own short-lived admin client. */
    public static List<String> createMissing(KafkaSettings kafka, TopicSettings settings) {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            return createMissing(admin, Topics.ALL, settings);
        }
    }

    /**
     * Services started together (the ingest API, streams and the sink each create the topics) race to create the
     * same topics; a topic another one created in the meantime counts as there. On a Kafka with ACLs a service sees
     * only its own topics and may create none: those are left to the operator (one INFO line each).
     *
     * @return the names of the topics this call created
     */
    public static List<String> createMissing(Admin admin, List<Topic<String, ? extends SpecificRecord>> topics,
                                             TopicSettings settings) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> topic.newTopic(settings))
                    .toList();
            List<String> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                for (Map.Entry<String, KafkaFuture<Void>> topic : admin.createTopics(missing).values().entrySet()) {
                    try {
                        topic.getValue().get();
                        created.add(topic.getKey());
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof TopicAuthorizationException) {
                            LOG.info("not allowed to create topic {} (ACLs): it is the operator's to create",
                                    topic.getKey());
                        } else if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the pipeline's topics: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
