package org.itapipe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A key pair and self-signed certificate for 127.0.0.1 and localhost, made by the JDK's keytool: the server's PKCS#12
 * key store, the certificate in PEM, and a PKCS#12 trust store holding only the certificate, all under one password
 * drawn at creation. What the stack's TLS servers (and test fronts) present and their clients trust.
 */
public record SelfSignedCertificate(Path keystore, Path certificate, Path truststore, String password) {

    /** Makes {@code <name>.p12}, {@code <name>.crt} and {@code <name>-truststore.p12} in {@code dir}. */
    public static SelfSignedCertificate create(Path dir, String name) {
        String password = Passwords.draw();
        Path keystore = dir.resolve(name + ".p12");
        Path certificate = dir.resolve(name + ".crt");
        Path truststore = dir.resolve(name + "-truststore.p12");
        try {
            Files.createDirectories(dir);
            keytool("-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password,
                    "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-dname", "CN=itapipe " + name, "-ext", "SAN=IP:127.0.0.1,DNS:localhost");
            keytool("-exportcert", "-keystore", keystore.toString(), "-storepass", password, "-alias", name, "-rfc",
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-keystore", truststore.toString(), "-storetype", "PKCS12",
                    "-storepass", password, "-alias", name, "-file", certificate.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a certificate in " + dir, e);
        }
        return new SelfSignedCertificate(keystore, certificate, truststore, password);
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
