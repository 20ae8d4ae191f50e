package org.itapipe.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.schemas.organizations.Organization;
import org.itapipe.schemas.topics.TopicSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The import sends a validated chunk while it validates the next: the records of the last chunk are validated only
 * once Kafka has acknowledged a record of an earlier one (an admission check that waits for it, and refuses the
 * record if it waited in vain).
 */
@ExtendWith(EmbeddedStackExtension.class)
class BulkImportOverlapTest {

    private static final String HEADER = "org_code,fiscal_year,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,ind_8,ind_9,"
            + "ind_10\n";
    private static final String SCORES = ",2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\n";

    @Test
    void aChunkIsAcknowledgedWhileALaterOneIsStillBeingValidated(Connections connections) throws Exception {
        TopicSetup.createMissing(connections.kafka(), TopicSettings.SINGLE_BROKER);
        IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.standard();
        List<String> codes = reference.organizations().all().stream().map(Organization::code).sorted().limit(2_500)
                .toList();
        Set<String> lastChunk = Set.copyOf(codes.subList(2_000, codes.size()));
        String csv = HEADER + codes.stream().map(code -> code + SCORES).collect(Collectors.joining());
        CountDownLatch acknowledged = new CountDownLatch(1);
        AtomicBoolean waitedInVain = new AtomicBoolean();
        BulkImport.Admission waitForAnAcknowledgement = submission -> {
            if (!lastChunk.contains(submission.getOrgCode()) || waitedInVain.get() || awaited(acknowledged)) {
                return Optional.empty();
            }
            waitedInVain.set(true);
            return Optional.of(new FieldError("orgCode", "test", "nothing was acknowledged before the last chunk"));
        };

        ImportSummary summary;
        try (SubmissionPublisher publisher = IngestApplication.publisher(connections,
                IngestSettings.from(ConfigSource.of(Map.of(), Map.of())), true)) {
            summary = reference.bulkImport().run(List.of(new ImportSource("scores.csv", InputFormat.CSV,
                    () -> new StringReader(csv))), waitForAnAcknowledgement, Optional.of(publisher), result -> {
                        // Acknowledgements arrive on the producer's network thread; validation never runs there.
                        if (Thread.currentThread().getName().startsWith("kafka-producer-network-thread")) {
                            acknowledged.countDown();
                        }
                    });
        }

        assertThat(summary.rejections()).isEmpty();
        assertThat(summary.accepted()).isEqualTo(codes.size());
        assertThat(waitedInVain).isFalse();
    }

    private static boolean awaited(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
