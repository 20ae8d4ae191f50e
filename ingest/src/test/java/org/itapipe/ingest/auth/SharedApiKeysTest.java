package org.itapipe.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keys shared through Kafka, as two running ingest instances and a third started later see them. */
@ExtendWith(EmbeddedStackExtension.class)
class SharedApiKeysTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void aKeyCreatedOrRevokedCountsOnEveryRunningInstanceWithinSeconds(Connections connections) throws Exception {
        TopicSetup.createMissing(connections.kafka(), TopicSettings.SINGLE_BROKER);
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), true);
        ApiKeyStore.CreatedKey created = ApiKeyStore.CreatedKey.generate("Saraburi office",
                Scope.parse("province:19"), Optional.of(Instant.parse("2030-01-01T00:00:00Z")));
        try (SharedApiKeys first = SharedApiKeys.follow(connections.kafka(), serdes);
             SharedApiKeys second = SharedApiKeys.follow(connections.kafka(), serdes)) {
            List<SharedApiKeys> instances = List.of(first, second);
            assertThat(first.authenticate(created.plainText(), Instant.now())).isInstanceOf(
                    Authentication.Refused.class);

            long published = System.nanoTime();
            SharedApiKeys.publish(connections.kafka(), serdes, created.key());
            awaitOnAll(instances, keys -> keys.authenticate(created.plainText(), Instant.now()).acceptedKey()
                    .isPresent());
            long known = System.nanoTime();
            assertThat(first.find(created.key().id())).contains(created.key());

            try (SharedApiKeys later = SharedApiKeys.follow(connections.kafka(), serdes)) {
                assertThat(later.find(created.key().id())).as("read at start, before serving").contains(
                        created.key());
            }

            long revoked = System.nanoTime();
            SharedApiKeys.revoke(connections.kafka(), created.key().id());
            awaitOnAll(instances, keys -> keys.authenticate(created.plainText(), Instant.now())
                    instanceof Authentication.Refused);
            long refused = System.nanoTime();
            System.out.printf("shared keys: known to both instances %d ms after publishing, refused by both %d ms "
                    + "after revoking%n", (known - published) / 1_000_000, (refused - revoked) / 1_000_000);

            try (SharedApiKeys later = SharedApiKeys.follow(connections.kafka(), serdes)) {
                assertThat(later.find(created.key().id())).as("a revoked key stays revoked").isEmpty();
            }
        }
    }

    private static void awaitOnAll(List<SharedApiKeys> instances, Predicate<SharedApiKeys> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        BooleanSupplier all = () -> instances.stream().allMatch(done);
        while (!all.getAsBoolean()) {
            assertThat(System.nanoTime()).as("every instance within " + WITHIN).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
