package org.itapipe.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.common.errors.SerializationException;
import org.itapipe.config.KafkaSettings;
import org.itapipe.config.RegistrySettings;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.junit.jupiter.api.Test;

class SubmissionPublisherTest {

    @Test
    void aSubmissionTheUnreachableRegistryCannotEncodeIsRefusedForNowNotDeadLettered() {
        // Nothing listens on port 1 for Kafka either: the refusal comes before any send.
        try (SubmissionPublisher publisher = publisherWithoutRegistry()) {
            assertThatThrownBy(() -> publisher.publish(submission()).get()).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PublishUnavailableException.class)
                    .hasMessageStartingWith("the schema registry is unreachable");
        }
    }

    @Test
    void aBatchAgainstTheUnreachableRegistryAsksItOnceNotOncePerSubmission() {
        List<ScoreSubmission> batch = IntStream.range(0, 200).mapToObj(i -> submission()).toList();

        try (SubmissionPublisher publisher = publisherWithoutRegistry()) {
            List<SubmissionPublisher.Encoded> encoded = publisher.encodeAll(batch);

            assertThat(encoded).hasSize(batch.size()).allMatch(SubmissionPublisher.Encoded.Failed.class::isInstance);
            assertThat(encoded).extracting(e -> ((SubmissionPublisher.Encoded.Failed) e).submission())
                    .containsExactlyElementsOf(batch);
            // A submission that asked the registry failed with an error of its own; the rest took the first one.
            Set<SerializationException> errors = Collections.newSetFromMap(new IdentityHashMap<>());
            encoded.forEach(e -> errors.add(((SubmissionPublisher.Encoded.Failed) e).error()));
            assertThat(errors).hasSize(1);
        }
    }

    private static SubmissionPublisher publisherWithoutRegistry() {
        SchemaRegistryClient unreachable = new SchemaRegistryClient(RegistrySettings.of("http://127.0.0.1:1"),
                new SchemaRegistryClient.RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(200)));
        return new SubmissionPublisher(KafkaSettings.of("127.0.0.1:1"), new TopicSerdes(unreachable, true),
                Duration.ofSeconds(1), Clock.systemUTC());
    }

    private static ScoreSubmission submission() {
        return ScoreSubmission.newBuilder()
                .setSubmissionId(UUID.randomUUID().toString()).setOrgCode("6190803").setOrgNameTh("อบต.บ้านกลับ")
                .setOrgType(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION).setDistrictCode("1908")
                .setProvinceCode("19").setFiscalYear(2568).setRevision(1)
                .setIndicators(IntStream.rangeClosed(1, 10).mapToObj(n -> new IndicatorScore(n,
                        new BigDecimal("90.00"))).toList())
                .setSource(SubmissionSource.API).setSubmittedAt(Instant.now()).build();
    }
}
