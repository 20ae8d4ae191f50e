package org.itapipe.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.http.IngestServer;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.publish.KafkaUnavailableException;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.ingest.validation.SubmissionValidator;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;

/**
 * The ingest service wired from its settings: reference data, validator, publisher, topics, and the HTTP server.
 * The reference data and the publisher are also what {@code itapipe import} uses, so both paths apply the same
 * rules and publish the same records.
 */
public final class IngestApplication implements AutoCloseable {

    private final Admin admin;
    private final SubmissionPublisher publisher;
    private final IngestServer server;

    private IngestApplication(Admin admin, SubmissionPublisher publisher, IngestServer server) {
        this.admin = admin;
        this.publisher = publisher;
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
                                          ApiKeyStore keys, boolean autoRegisterSchemas, short replicationFactor) {
        Admin admin = Admin.create(connections.kafka().clientProperties());
        TopicSetup.createMissing(admin, Topics.ALL, replicationFactor);
        SubmissionPublisher publisher = publisher(connections, settings, autoRegisterSchemas);
        IngestServer server = new IngestServer(settings, reference.validator(), reference.bulkImport(),
                reference.methodologies(), publisher, keys, () -> answers(admin)).start();
        return new IngestApplication(admin, publisher, server);
    }

    /** Creates the pipeline's topics that are missing; fails with a clear message when Kafka cannot be reached. */
    public static void createTopics(Connections connections, short replicationFactor) {
        try (Admin admin = Admin.create(connections.kafka().clientProperties())) {
            if (!answers(admin)) {
                throw new KafkaUnavailableException("Kafka at " + connections.kafka().bootstrapServers()
                        + " does not answer: start it (itapipe stack) or set kafka.bootstrap", null);
            }
            TopicSetup.createMissing(admin, Topics.ALL, replicationFactor);
        }
    }

    public static SubmissionPublisher publisher(Connections connections, IngestSettings settings,
                                                boolean autoRegisterSchemas) {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), autoRegisterSchemas);
        return new SubmissionPublisher(connections.kafka(), serdes, settings.publishTimeout(), Clock.systemUTC());
    }

    private static boolean answers(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        publisher.close();
        admin.close();
    }
}
