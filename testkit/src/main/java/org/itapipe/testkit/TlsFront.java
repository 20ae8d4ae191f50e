package org.itapipe.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.itapipe.devstack.SelfSignedCertificate;

/**
 * A TLS-terminating front for a plain-text server on loopback, as a server is often deployed behind a proxy that
 * speaks TLS: it presents {@code certificate} and relays each connection's bytes to {@code targetPort} unchanged.
 * For servers that cannot speak TLS themselves here (the embedded ClickHouse).
 */
public final class TlsFront implements AutoCloseable {

    private final SSLServerSocket server;
    private final int targetPort;
    private final Thread acceptor;

    private TlsFront(SSLServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
        this.acceptor = new Thread(this::accept, "tls-front-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    public static TlsFront start(SelfSignedCertificate certificate, int targetPort) {
        try {
            KeyStore keys = KeyStore.getInstance(certificate.keystore().toFile(), certificate.password().toCharArray());
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, certificate.password().toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), null, null);
            SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TlsFront front = new TlsFront(socket, targetPort);
            front.acceptor.start();
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the TLS front", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the TLS front's certificate", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                relay(client, target);
                relay(target, client);
            } catch (IOException closedOrRefused) {
                // The front was closed, or a connection ended before it was relayed.
            }
        }
    }

    /** Copies {@code from}'s bytes to {@code to} until either ends, then closes both. */
    private static void relay(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // One side closed: the other is closed below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tls-front-relay");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing only.
        }
    }
}
