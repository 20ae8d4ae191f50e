package org.itapipe.notifier;

import java.util.Locale;
import org.itapipe.config.ConfigException;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Secret;

/**
 * How e-mail leaves ({@code notifier.smtp.*}): host, port, security ({@code none}, {@code starttls} or {@code ssl}),
 * user and password (optional; the password is a {@link Secret}, never logged), and the sender address.
 */
public record SmtpSettings(String host, int port, Security security, String user, Secret password, String from) {

    public enum Security { NONE, STARTTLS, SSL }

    public static SmtpSettings from(ConfigSource config) {
        String security = config.get("notifier.smtp.security", "starttls").toUpperCase(Locale.ROOT);
        Security chosen;
        try {
            chosen = Security.valueOf(security);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("notifier.smtp.security '" + security + "' is none, starttls or ssl");
        }
        return new SmtpSettings(config.get("notifier.smtp.host", "127.0.0.1"),
                Integer.parseInt(config.get("notifier.smtp.port", chosen == Security.SSL ? "465" : "587")), chosen,
                config.get("notifier.smtp.user", ""), new Secret(config.get("notifier.smtp.password", "")),
                config.get("notifier.smtp.from", "itapipe@localhost"));
    }
}
