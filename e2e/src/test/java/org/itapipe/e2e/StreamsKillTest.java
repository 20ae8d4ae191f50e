package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.testkit.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code itapipe streams} killed with SIGKILL in the middle of a replay and started again on the same port and state
 * directory: it resumes at once (static group membership) without an ERROR for the ordinary recovery, and what it
 * committed holds every submission exactly once, rollups included.
 */
@ExtendWith(EmbeddedStackExtension.class)
class StreamsKillTest {

    /** Provinces 78 and 79 do not exist: no other test of this JVM writes them, each test has its own. */
    private static final String KILLED_AND_RESTARTED = "79";
    private static final String KILLED_WITH_A_SURVIVOR = "78";
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aStreamsInstanceKilledMidReplayResumesAtOnceAndCountsEverySubmissionOnce(StackEndpoints stack)
            throws Exception {
        ProvinceReplay outputs = sentAndFollowed(stack, KILLED_AND_RESTARTED);
        Path config = config(stack, "streams", "itapipe-streams-kill-" + UUID.randomUUID());
        Map<String, String> env = launcherEnvironment();
        try (outputs) {
            int beforeKill;
            try (LauncherProcess streams = LauncherProcess.start(dir, env, "streams", "--config", config.toString())) {
                outputs.await(() -> outputs.latest.size() >= ProvinceReplay.SUBMISSIONS / 10, Duration.ofMinutes(2));
                streams.kill();
                streams.awaitExit(Duration.ofSeconds(10));
                // Everything the killed instance committed, read to the end, so that what comes next is new.
                outputs.drain(Duration.ofSeconds(3));
                beforeKill = outputs.latest.size();
            }
            assertThat(beforeKill).as("killed in the middle of the replay").isLessThan(ProvinceReplay.SUBMISSIONS);
            long restarted = System.nanoTime();
            try (LauncherProcess streams = LauncherProcess.start(dir, env, "streams", "--config", config.toString())) {
                outputs.await(() -> outputs.latest.size() > beforeKill, Duration.ofMinutes(2));
                Duration resumed = Duration.ofNanos(System.nanoTime() - restarted);
                outputs.await(() -> outputs.complete(),
                        Duration.ofMinutes(3));
                System.out.printf("streams kill -9 at %d of %d committed; the restarted JVM committed again after "
                        + "%.1f s%n", beforeKill, ProvinceReplay.SUBMISSIONS, resumed.toMillis() / 1000.0);
                assertThat(resumed).as("resumed (JVM start included)").isLessThan(RESUMED_WITHIN);
                assertThat(streams.output()).doesNotContain("TaskCorrupted").doesNotContain("ERROR");
            }
            outputs.drain(Duration.ofSeconds(3));
        }

        outputs.assertEverySubmissionOnce();
        String log = Files.readString(dir.resolve("state").resolve("itapipe").resolve("logs").resolve("itapipe.log"));
        assertThat(log.lines().filter(line -> line.contains(" ERROR "))).as("ordinary recovery is no error").isEmpty();
    }

    @Test
    void whenOneOfTwoInstancesIsKilledTheOtherTakesOverItsPartitionsAndCountsEverySubmissionOnce(StackEndpoints stack)
            throws Exception {
        ProvinceReplay outputs = sentAndFollowed(stack, KILLED_WITH_A_SURVIVOR);
        String application = "itapipe-streams-pair-" + UUID.randomUUID();
        Map<String, String> env = launcherEnvironment();
        try (outputs;
             LauncherProcess survivor = LauncherProcess.start(dir, env, "streams", "--config",
                     config(stack, "survivor", application).toString());
             LauncherProcess victim = LauncherProcess.start(dir, env, "streams", "--config",
                     config(stack, "victim", application).toString())) {
            outputs.await(() -> outputs.latest.size() >= ProvinceReplay.SUBMISSIONS / 10, Duration.ofMinutes(2));
            victim.kill();
            long killed = System.nanoTime();
            int beforeKill = outputs.latest.size();
            outputs.await(() -> outputs.complete(),
                    Duration.ofMinutes(3));
            System.out.printf("streams pair, one killed with SIGKILL at %d of %d committed: the survivor had "
                    + "committed everything %.1f s later%n", beforeKill, ProvinceReplay.SUBMISSIONS,
                    (System.nanoTime() - killed) / 1e9);
            assertThat(survivor.output()).doesNotContain("ERROR");
            outputs.drain(Duration.ofSeconds(3));
        }

        outputs.assertEverySubmissionOnce();
    }

    /** The province's submissions, sent before any streams instance runs, and a reader of what streams commits. */
    private static ProvinceReplay sentAndFollowed(StackEndpoints stack, String province) {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), true);
        ProvinceReplay outputs = new ProvinceReplay(stack.connections().kafka(), serdes, province);
        send(stack, serdes, outputs.toSend());
        return outputs;
    }

    /** Where the launched services log: the test's own state home. */
    private Map<String, String> launcherEnvironment() {
        return Map.of("XDG_STATE_HOME", dir.resolve("state").toString());
    }

    /** A streams instance's settings: its application, its own state directory and a fixed port of its own. */
    private Path config(StackEndpoints stack, String instance, String applicationId) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> lines = new ArrayList<>(stack.lines());
        lines.add("streams.application-id=" + applicationId);
        lines.add("streams.state-dir=" + dir.resolve(instance + "-state"));
        lines.add("streams.http.port=" + port);
        // A survivor takes over a dead member's partitions once its session expired (45 s by default).
        lines.add("streams.session-timeout-ms=10000");
        return Files.writeString(dir.resolve(instance + ".properties"), String.join("\n", lines) + "\n");
    }

    private static void send(StackEndpoints stack, TopicSerdes serdes, Map<String, ScoreSubmission> submissions) {
        TopicSetup.createMissing(stack.connections().kafka(), TopicSettings.SINGLE_BROKER);
        Map<String, Object> config = new HashMap<>(stack.connections().kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, ScoreSubmission> producer = new KafkaProducer<>(config,
                serdes.key(Topics.SUBMISSIONS).serializer(), serdes.value(Topics.SUBMISSIONS).serializer())) {
            submissions.forEach((org, submission) ->
                    producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), org, submission)));
            producer.flush();
        }
    }
}
