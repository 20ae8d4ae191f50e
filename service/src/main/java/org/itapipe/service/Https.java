package org.itapipe.service;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.TlsSettings;

/**
 * Serves a Javalin app over HTTPS only, with Jetty's own TLS connector. With a connector of its own, Javalin opens no
 * plain one: the endpoint's host and port are those of this connector.
 */
public final class Https {

    private Https() {
    }

    public static void listen(JavalinConfig config, HttpEndpoint endpoint, TlsSettings tls) {
        config.jetty.addConnector((server, http) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStoreType("PKCS12");
            ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(tls.password().value());
            HttpConfiguration https = new HttpConfiguration(http);
            // Clients reach the API by address (127.0.0.1 in tests, an internal IP behind a proxy): the certificate
            // names it in its subject alternative names, so Jetty's own SNI host check adds nothing.
            https.addCustomizer(new SecureRequestCustomizer(false));
            ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(https));
            connector.setHost(endpoint.host());
            connector.setPort(endpoint.port());
            return connector;
        });
    }
}
