package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.itapipe.config.Connections;
import org.itapipe.dataset.NationalDataset;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.StandaloneKafka;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.testkit.LauncherProcess;
import org.itapipe.testkit.TopicContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code itapipe import} while its Kafka broker restarts: the import either finishes having published every row
 * once (the idempotent producer retries across the restart), or says in one line that Kafka was unavailable; then
 * the same import run again finishes, and the topic holds every row of the file, a repeated one only as an identical
 * record under the same revision, which streams takes for a duplicate (docs/revisions.md).
 */
@ExtendWith(EmbeddedStackExtension.class)
class ImportDuringKafkaRestartTest {

    private static final Duration DOWN = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void aBrokerRestartDuringAnImportLosesNoRowAndARunAgainAddsNoRevision(StackEndpoints stack) throws Exception {
        NationalDataset.Waves waves = new NationalDataset(OrganizationRegistry.dla().all(),
                MethodologyCatalog.builtIn()).generate(List.of(2567, 2568), 0);
        Path csv = Files.writeString(dir.resolve("wave-1.csv"), waves.csv().get(0));
        int rows = waves.firstRows();
        try (StandaloneKafka kafka = StandaloneKafka.start(dir.resolve("kafka"))) {
            Path config = config(stack, kafka);
            Map<String, String> env = Map.of("XDG_STATE_HOME", dir.resolve("state").toString());
            int firstExit;
            String firstOutput;
            long publishedAtStop;
            try (LauncherProcess firstRun = LauncherProcess.start(dir, env, "import", "--config", config.toString(),
                    csv.toString());
                 Admin admin = Admin.create(kafka.settings().clientProperties())) {
                awaitPublishing(admin);
                publishedAtStop = endOffsets(admin);
                kafka.stop();
                Thread.sleep(DOWN.toMillis());
                kafka.restart();
                firstExit = firstRun.awaitExit(Duration.ofMinutes(3));
                firstOutput = firstRun.output();
            }
            System.out.printf("import of %d rows, broker stopped for %d s with %d records published: exit %d%n",
                    rows, DOWN.toSeconds(), publishedAtStop, firstExit);
            assertThat(publishedAtStop).as("the broker stopped before the import had published everything")
                    .isLessThan(rows);
            assertThat(firstOutput).doesNotContain("Exception").doesNotContain("\tat ");
            if (firstExit != 0) {
                assertThat(firstOutput).as("one line that says why").contains("Kafka");
                try (LauncherProcess again = LauncherProcess.start(dir, env, "import", "--config", config.toString(),
                        csv.toString())) {
                    assertThat(again.awaitExit(Duration.ofMinutes(3))).as(again.output()).isZero();
                }
            }

            Map<String, List<ScoreSubmission>> byRow = published(stack, kafka).stream().collect(Collectors.groupingBy(
                    submission -> submission.getOrgCode() + "/" + submission.getFiscalYear()));
            assertThat(byRow).hasSize(rows);
            for (List<ScoreSubmission> copies : byRow.values()) {
                assertThat(copies.stream().map(ImportDuringKafkaRestartTest::content).distinct())
                        .as("every copy of a row is the same revision with the same scores").hasSize(1);
            }
            if (firstExit == 0) {
                assertThat(byRow.values()).as("published once each").allMatch(copies -> copies.size() == 1);
            }
        }
    }

    /** The stack's block with the standalone broker in place of the stack's. */
    private Path config(StackEndpoints stack, StandaloneKafka kafka) throws Exception {
        List<String> lines = new ArrayList<>(stack.lines().stream()
                .filter(line -> !line.startsWith(Connections.KAFKA_BOOTSTRAP + "=")).toList());
        lines.add(Connections.KAFKA_BOOTSTRAP + "=" + kafka.settings().bootstrapServers());
        return Files.write(dir.resolve("import.properties"), lines);
    }

    /** Until the import has created its topics and published its first records. */
    private static void awaitPublishing(Admin admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(Topics.SUBMISSIONS.name())
                || endOffsets(admin) == 0) {
            assertThat(System.nanoTime()).as("the import publishing").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(Topics.SUBMISSIONS.name())).allTopicNames().get().values()
                .forEach(topic -> topic.partitions().forEach(partition -> latest.put(
                        new TopicPartition(topic.name(), partition.partition()),
                        OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    /** What decides a duplicate: the revision and the scores, not the submission id or the time of receipt. */
    private static String content(ScoreSubmission submission) {
        return submission.getRevision() + " " + submission.getIndicators() + " " + submission.getItems();
    }

    private static List<ScoreSubmission> published(StackEndpoints stack, StandaloneKafka kafka) {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), false);
        return TopicContents.read(kafka.settings(), Topics.SUBMISSIONS.name()).stream()
                .map(record -> serdes.value(Topics.SUBMISSIONS).deserializer().deserialize(record.topic(),
                        record.value())).toList();
    }
}
