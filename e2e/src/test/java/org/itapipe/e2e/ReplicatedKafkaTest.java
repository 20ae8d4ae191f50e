package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.KafkaSettings;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.KafkaCluster;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.publish.PublishOutcome;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import org.itapipe.testkit.TopicContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-broker cluster (replication factor 3, {@code min.insync.replicas=2}) loses the broker that coordinates the
 * streams transactions to SIGKILL while ingest publishes and streams processes: every submission is acknowledged,
 * the running services carry on without a restart, and what streams committed holds each submission exactly once.
 * The registry and ClickHouse are the shared stack's; Kafka is the test's own cluster.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ReplicatedKafkaTest {

    /** Any province will do on a cluster of the test's own; 78 does not exist, which keeps that obvious. */
    private static final String PROVINCE = "78";
    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void losingABrokerUnderIngestAndStreamsLosesAndDoublesNothingAndStopsNothing(StackEndpoints stack)
            throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(dir.resolve("cluster"), 3)) {
            Connections connections = new Connections(cluster.settings(), stack.connections().registry(),
                    stack.connections().clickhouse());
            TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), true);
            TopicSetup.createMissing(cluster.settings(), cluster.topicSettings());
            StreamsSettings settings = StreamsSettings.from(ConfigSource.of(Map.of("schemas.auto-register", "true",
                    "streams.commit-interval-ms", "100",
                    TopicSettings.REPLICATION_FACTOR, Short.toString(cluster.topicSettings().replicationFactor())),
                    Map.of())).withApplication("itapipe-replicated-" + UUID.randomUUID(), dir.resolve("streams"), 0);
            List<ScoreSubmission> submissions = new ArrayList<>();
            List<CompletableFuture<PublishOutcome>> acknowledgements = new ArrayList<>();
            try (ProvinceReplay outputs = new ProvinceReplay(cluster.settings(), serdes, PROVINCE);
                 StreamsApplication streams = StreamsApplication.start(connections, settings,
                         MethodologyCatalog.builtIn());
                 SubmissionPublisher publisher = new SubmissionPublisher(cluster.settings(), serdes,
                         Duration.ofSeconds(10), Clock.systemUTC())) {
                submissions.addAll(outputs.toSend().values());
                int half = submissions.size() / 2;
                submissions.subList(0, half).forEach(s -> acknowledgements.add(publisher.publish(s)));
                outputs.await(() -> outputs.latest.size() >= ProvinceReplay.SUBMISSIONS / 10, Duration.ofMinutes(2));

                // The transaction coordinator of every streams commit: the broker whose loss costs the most.
                int victim = cluster.leaderOf("__transaction_state", 0);
                cluster.kill(victim);
                long killed = System.nanoTime();
                int atKill = outputs.latest.size();
                submissions.subList(half, submissions.size()).forEach(s -> acknowledgements.add(publisher.publish(s)));
                outputs.await(() -> outputs.latest.size() > atKill + 100, Duration.ofMinutes(2));
                double resumed = (System.nanoTime() - killed) / 1e9;
                outputs.await(outputs::complete, Duration.ofMinutes(3));
                System.out.printf("3 brokers, broker %d (transaction coordinator) killed with SIGKILL at %d of %d "
                        + "committed: streams committed again %.1f s later, everything %.1f s later, on 2 brokers%n",
                        victim, atKill, ProvinceReplay.SUBMISSIONS, resumed, (System.nanoTime() - killed) / 1e9);

                for (CompletableFuture<PublishOutcome> acknowledgement : acknowledgements) {
                    assertThat(acknowledgement.get(ACKNOWLEDGED_WITHIN.toSeconds(), TimeUnit.SECONDS))
                            .as("every submission acknowledged as published").isInstanceOf(
                                    PublishOutcome.Published.class);
                }
                assertThat(streams.state()).as("streams carried on without a restart")
                        .isEqualTo(KafkaStreams.State.RUNNING);
                outputs.drain(Duration.ofSeconds(3));
                outputs.assertEverySubmissionOnce();
            }
            assertThat(submissionsPerOrganization(cluster.settings()).values()).as("each submission in Kafka once")
                    .hasSize(ProvinceReplay.SUBMISSIONS).containsOnly(1);
        }
    }

    /** How many times each organization's submission is in the submissions topic, read to its end. */
    private static Map<String, Integer> submissionsPerOrganization(KafkaSettings kafka) {
        Map<String, Integer> counts = new HashMap<>();
        TopicContents.read(kafka, Topics.SUBMISSIONS.name()).forEach(record -> counts.merge(record.key(), 1,
                Integer::sum));
        return counts;
    }
}
