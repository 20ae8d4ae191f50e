package org.itapipe.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The security of a secured embedded broker ({@link KafkaAccess.Secured}): a self-signed TLS certificate for
 * 127.0.0.1 (made by the JDK's keytool, in {@code <dir>}), SASL/SCRAM-SHA-512 for clients and between brokers, and
 * the standard authorizer with nothing allowed that no ACL allows. Every password is drawn at each start.
 *
 * <p>SCRAM cannot authenticate KRaft controllers (their credentials live in the metadata the controllers serve), so
 * the controller listener uses SASL PLAIN over TLS with one static user, {@code controller}; both it and
 * {@code admin} are super users. The admin's SCRAM credential is written when the storage is formatted, the services'
 * once the broker runs.
 */
final class BrokerSecurity {

    static final String ADMIN = "admin";
    private static final String CONTROLLER = "controller";
    private static final String MECHANISM = "SCRAM-SHA-512";
    private static final int SCRAM_ITERATIONS = 8192;

    private final SelfSignedCertificate certificate;
    private final String adminPassword;
    private final String controllerPassword;

    private BrokerSecurity(SelfSignedCertificate certificate, String adminPassword, String controllerPassword) {
        this.certificate = certificate;
        this.adminPassword = adminPassword;
        this.controllerPassword = controllerPassword;
    }

    /** Draws the passwords and makes the broker's key pair and the clients' trust store in {@code dir}. */
    static BrokerSecurity generate(Path dir) {
        return new BrokerSecurity(SelfSignedCertificate.create(dir, "broker"), Passwords.draw(), Passwords.draw());
    }

    /** Replaces the plain-text listeners of {@code config} (see {@link EmbeddedKafka#brokerConfig}). */
    void secure(Properties config, int port, int controllerPort) {
        config.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        config.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL");
        config.put("inter.broker.listener.name", "SASL_SSL");
        config.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
        config.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramLogin(ADMIN, adminPassword));
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        config.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER
                        + "\" password=\"" + controllerPassword + "\" user_" + CONTROLLER + "=\""
                        + controllerPassword + "\";");
        config.put("ssl.keystore.location", certificate.keystore().toString());
        config.put("ssl.keystore.password", certificate.password());
        config.put("ssl.keystore.type", "PKCS12");
        config.put("ssl.key.password", certificate.password());
        config.put("ssl.truststore.location", certificate.truststore().toString());
        config.put("ssl.truststore.password", certificate.password());
        config.put("ssl.truststore.type", "PKCS12");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", KafkaPrincipal.principal(ADMIN) + ";" + KafkaPrincipal.principal(CONTROLLER));
        config.put("allow.everyone.if.no.acl.found", "false");
    }

    /** The storage format's arguments that give the admin its SCRAM credential from the first start. */
    List<String> formatArguments() {
        return List.of("--add-scram", MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]");
    }

    /** What every client sets: SASL over TLS, trusting the broker's certificate; without anyone's login. */
    Map<String, String> clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", MECHANISM);
        settings.put("ssl.truststore.location", certificate.truststore().toString());
        settings.put("ssl.truststore.password", certificate.password());
        settings.put("ssl.truststore.type", "PKCS12");
        return settings;
    }

    /** The login of {@code user}: the {@code sasl.jaas.config} a client sets. */
    static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The admin's client settings, for the stack's own setup. */
    Map<String, Object> adminClient(String bootstrapServers) {
        Map<String, Object> settings = new LinkedHashMap<>(clientSettings());
        settings.put("sasl.jaas.config", scramLogin(ADMIN, adminPassword));
        settings.put("bootstrap.servers", bootstrapServers);
        return settings;
    }

    /**
     * Creates each principal's SCRAM user with a drawn password and its ACLs, as the admin.
     *
     * @return each principal's login ({@code sasl.jaas.config}) by name, the admin's included
     */
    Map<String, String> createPrincipals(String bootstrapServers, List<KafkaPrincipal> principals) {
        Map<String, String> logins = new LinkedHashMap<>();
        logins.put(ADMIN, scramLogin(ADMIN, adminPassword));
        if (principals.isEmpty()) {
            return logins;
        }
        List<UserScramCredentialUpsertion> users = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (KafkaPrincipal principal : principals) {
            String password = Passwords.draw();
            users.add(new UserScramCredentialUpsertion(principal.name(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password));
            acls.addAll(principal.acls());
            logins.put(principal.name(), scramLogin(principal.name(), password));
        }
        try (Admin admin = Admin.create(adminClient(bootstrapServers))) {
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new StackStartFailed("cannot create the Kafka users and ACLs: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartFailed("interrupted while creating the Kafka users and ACLs");
        } catch (TimeoutException e) {
            throw new StackStartFailed("the Kafka users and ACLs were not created within 30 s");
        }
        return logins;
    }
}
