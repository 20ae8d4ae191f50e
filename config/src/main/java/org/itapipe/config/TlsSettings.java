package org.itapipe.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/**
 * HTTPS for a service's HTTP side: {@code <prefix>.tls.keystore} (a PKCS#12 file holding the server's key and
 * certificate chain) and {@code <prefix>.tls.keystore-password}. Without a keystore the service speaks plain HTTP;
 * with one it speaks only HTTPS, on the same host and port. The keystore is opened when the settings are read, so a
 * wrong path or password is a one-line configuration error at start, not a failed handshake later.
 */
public record TlsSettings(Path keystore, Secret password) {

    public static Optional<TlsSettings> from(ConfigSource config, String prefix) {
        String keystoreKey = prefix + ".tls.keystore";
        String passwordKey = prefix + ".tls.keystore-password";
        Optional<String> keystore = config.get(keystoreKey).map(String::strip).filter(path -> !path.isEmpty());
        if (keystore.isEmpty()) {
            return Optional.empty();
        }
        Path file = Path.of(keystore.get());
        if (!Files.isReadable(file)) {
            throw new ConfigException(keystoreKey + ": " + file.toAbsolutePath() + " is not a readable file");
        }
        Secret password = new Secret(config.get(passwordKey, ""));
        try {
            KeyStore.getInstance(file.toFile(), password.value().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(keystoreKey + ": cannot open " + file.toAbsolutePath() + " as a PKCS#12 "
                    + "keystore with " + passwordKey + " (" + e.getMessage() + ")", e);
        }
        return Optional.of(new TlsSettings(file, password));
    }
}
