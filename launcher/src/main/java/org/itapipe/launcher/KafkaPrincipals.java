package org.itapipe.launcher;

import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.devstack.KafkaAccess;
import org.itapipe.devstack.KafkaPrincipal;
import org.itapipe.devstack.StackOptions;
import org.itapipe.devstack.StackPorts;
import org.itapipe.notifier.NotifierSettings;
import org.itapipe.schemas.topics.Topic;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.RowMapper;
import org.itapipe.streams.StreamsSettings;

/**
 * What each service may do on a secured Kafka: one principal per service (each command connects as one of these, see
 * {@link ConfigOptions#connections}) and exactly the ACLs its job needs. This is the table of docs/deploy.md, as
 * {@code itapipe stack --secure} creates it; a production cluster grants the same. Group and application ids are the
 * ones {@code config} sets (the defaults without one).
 */
public final class KafkaPrincipals {

    public static final String INGEST = "ingest";
    public static final String KEYS = "keys";
    public static final String STREAMS = "streams";
    public static final String SINK = "sink";
    public static final String NOTIFIER = "notifier";

    private KafkaPrincipals() {
    }

    /**
     * A stack whose Kafka is secured with these principals (the default ids), and the pipeline's topics created as
     * its admin: no service may create topics there (streams only its internal ones).
     */
    public static EmbeddedStack startSecuredStack(Path stateDir, StackPorts ports, Map<String, String> env) {
        EmbeddedStack stack = EmbeddedStack.start(new StackOptions(stateDir, ports, env, 1,
                new KafkaAccess.Secured(of(ConfigSource.of(Map.of(), env)))));
        try {
            TopicSetup.createMissing(stack.connections().kafka(), TopicSettings.SINGLE_BROKER);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public static List<KafkaPrincipal> of(ConfigSource config) {
        String applicationId = StreamsSettings.from(config).applicationId();
        String notifierGroups = NotifierSettings.from(config).groupId() + ".";
        return List.of(
                // The API and import publish submissions; the API's 409 reads the latest revisions, and with
                // ingest.keys-source=kafka it follows the shared keys.
                new Grants(INGEST).writes(Topics.SUBMISSIONS, Topics.DEAD_LETTERS)
                        .reads(Topics.LATEST_SUBMISSIONS, Topics.API_KEYS).principal(),
                new Grants(KEYS).reads(Topics.API_KEYS).writes(Topics.API_KEYS).principal(),
                // exactly_once_v2: transactional ids, group and internal topics all start with the application id.
                new Grants(STREAMS).reads(Topics.SUBMISSIONS)
                        .writes(Topics.LATEST_SUBMISSIONS, Topics.INDICATOR_GAPS, Topics.DISTRICT_ROLLUPS,
                                Topics.PROVINCE_ROLLUPS, Topics.NATIONAL_ROLLUPS, Topics.YEAR_OVER_YEAR,
                                Topics.OIT_ALERTS, Topics.DEAD_LETTERS)
                        .allow(ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL)
                        .allow(ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ)
                        .allow(ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED,
                                AclOperation.WRITE, AclOperation.DESCRIBE)
                        .principal(),
                new Grants(SINK).readsNamed(RowMapper.topics()).writes(Topics.DEAD_LETTERS)
                        .allow(ResourceType.GROUP, SinkSettings.from(config).groupId(), PatternType.LITERAL,
                                AclOperation.READ)
                        .principal(),
                new Grants(NOTIFIER).reads(Topics.OIT_ALERTS, Topics.NOTIFIER_PARKED, Topics.NOTIFIER_DIGESTS)
                        .writes(Topics.NOTIFIER_PARKED, Topics.NOTIFIER_DIGESTS, Topics.DEAD_LETTERS)
                        .allow(ResourceType.GROUP, notifierGroups, PatternType.PREFIXED, AclOperation.READ)
                        .principal());
    }

    /** The ACLs of one principal, added by what it does. */
    private static final class Grants {
        private final String name;
        private final List<AclBinding> acls = new ArrayList<>();

        Grants(String name) {
            this.name = name;
        }

        Grants reads(Topic<?, ?>... topics) {
            return readsNamed(List.of(topics).stream().map(Topic::name).toList());
        }

        Grants readsNamed(List<String> topics) {
            topics.forEach(topic -> allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            return this;
        }

        Grants writes(Topic<?, ?>... topics) {
            for (Topic<?, ?> topic : topics) {
                allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.WRITE);
            }
            return this;
        }

        Grants allow(ResourceType type, String resource, PatternType pattern, AclOperation... operations) {
            for (AclOperation operation : operations) {
                acls.add(new AclBinding(new ResourcePattern(type, resource, pattern), new AccessControlEntry(
                        KafkaPrincipal.principal(name), "*", operation, AclPermissionType.ALLOW)));
            }
            return this;
        }

        KafkaPrincipal principal() {
            return new KafkaPrincipal(name, acls);
        }
    }
}
