package org.itapipe.ingest;

import java.nio.file.Path;
import java.time.Clock;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.TopicSettings;
import org.itapipe.ingest.auth.KeyDirectory;
import org.itapipe.ingest.http.IngestServer;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.publish.PublishUnavailableException;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.ingest.revision.LatestRevisions;
import org.itapipe.ingest.validation.SubmissionValidator;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.KafkaProbe;
import org.itapipe.service.PeriodicCheck;

/**
 * The ingest service wired from its settings: reference data, validator, publisher, topics, and the HTTP server.
 * The reference data and the publisher are also what {@code itapipe import} uses, so both paths apply the same
 * rules and publish the same records.
 */
public final class IngestApplication implements AutoCloseable {

    private final PeriodicCheck kafka;
    private final SubmissionPublisher publisher;
    private final LatestRevisions revisions;
    private final IngestServer server;

    private IngestApplication(PeriodicCheck kafka, SubmissionPublisher publisher, LatestRevisions revisions,
                              IngestServer server) {
        this.kafka = kafka;
        this.publisher = publisher;
        this.revisions = revisions;
        this.server = server;
    }

    /** Everything the validators and readers need to know about the country and the methodology. */
    public record ReferenceData(Geography geography, OrganizationRegistry organizations,
                                MethodologyCatalog methodologies) {

        /** Setting: a CSV of the user's own organizations in the DLA file's format (docs/organizations.md). */
        public static final String ORGANIZATIONS_FILE = "organizations.file";

        /** The shipped geography, DLA registry and methodologies. */
        public static ReferenceData standard() {
            return new ReferenceData(Geography.thailand(), OrganizationRegistry.dla(), MethodologyCatalog.builtIn());
        }

        /**
         * Setting: a directory of {@code ita-<year>.json} files that add fiscal years to the built-in ones or replace
         * them (a new year's methodology without a rebuild; docs/methodology.md).
         */
        public static final String METHODOLOGY_DIR = "methodology.dir";

        /**
         * The standard data, with the organization list that {@value #ORGANIZATIONS_FILE} names and the methodology
         * files of {@value #METHODOLOGY_DIR}, where they are set.
         */
        public static ReferenceData from(ConfigSource settings) {
            Geography geography = Geography.thailand();
            return new ReferenceData(geography, settings.get(ORGANIZATIONS_FILE)
                    .map(file -> OrganizationRegistry.fromCsv(Path.of(file), geography))
                    .orElseGet(OrganizationRegistry::dla), settings.get(METHODOLOGY_DIR)
                    .map(dir -> MethodologyCatalog.builtInAnd(Path.of(dir)))
                    .orElseGet(MethodologyCatalog::builtIn));
        }

        public SubmissionValidator validator() {
            return new SubmissionValidator(methodologies, organizations);
        }

        public BulkImport bulkImport() {
            return new BulkImport(validator(), organizations);
        }
    }

    public static IngestApplication start(Connections connections, IngestSettings settings, ReferenceData reference,
                                          KeyDirectory keys, boolean autoRegisterSchemas, TopicSettings topics) {
        KafkaProbe probe = new KafkaProbe(connections.kafka());
        try {
            createTopics(probe, topics);
        } catch (RuntimeException e) {
            probe.close();
            throw e;
        }
        PeriodicCheck kafka = PeriodicCheck.kafka(probe);
        SubmissionPublisher publisher = publisher(connections, settings, autoRegisterSchemas);
        LatestRevisions revisions = LatestRevisions.follow(connections.kafka(),
                new TopicSerdes(new SchemaRegistryClient(connections.registry()), autoRegisterSchemas));
        try {
            IngestServer server = new IngestServer(settings, reference.validator(), reference.bulkImport(),
                    reference.methodologies(), publisher, keys, kafka, revisions).start();
            return new IngestApplication(kafka, publisher, revisions, server);
        } catch (RuntimeException e) {
            revisions.close();
            publisher.close();
            kafka.close();
            throw e;
        }
    }

    /**
     * Creates the pipeline's topics that are missing; fails with a clear message when Kafka cannot be reached: at
     * once when nothing listens, after {@link PeriodicCheck#PATIENCE} when a broker listens but does not answer.
     */
    public static void createTopics(Connections connections, TopicSettings topics) {
        try (KafkaProbe probe = new KafkaProbe(connections.kafka())) {
            createTopics(probe, topics);
        }
    }

    private static void createTopics(KafkaProbe probe, TopicSettings topics) {
        probe.problem(PeriodicCheck.PATIENCE).ifPresent(problem -> {
            throw new PublishUnavailableException(problem + ": start it (itapipe stack) or set kafka.bootstrap", null);
        });
        TopicSetup.createMissing(probe.admin(), Topics.ALL, topics);
    }

    public static SubmissionPublisher publisher(Connections connections, IngestSettings settings,
                                                boolean autoRegisterSchemas) {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), autoRegisterSchemas);
        return new SubmissionPublisher(connections.kafka(), serdes, settings.publishTimeout(), Clock.systemUTC());
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        revisions.close();
        publisher.close();
        kafka.close();
    }
}
