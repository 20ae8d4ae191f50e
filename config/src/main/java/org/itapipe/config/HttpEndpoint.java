package org.itapipe.config;

/**
 * Where a service's HTTP side listens: the {@code <prefix>.host} and {@code <prefix>.port} settings. The endpoint
 * keeps the name of its port setting so that a port already in use is reported with the key to change.
 */
public record HttpEndpoint(String host, int port, String portSetting) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public static HttpEndpoint from(ConfigSource config, String prefix, int defaultPort) {
        String portSetting = prefix + ".port";
        String text = config.get(portSetting, Integer.toString(defaultPort)).strip();
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65_535) {
            throw new ConfigException(portSetting + ": '" + text + "' is not a port number (0-65535; 0 picks a free one)");
        }
        return new HttpEndpoint(config.get(prefix + ".host", DEFAULT_HOST), port, portSetting);
    }

    public HttpEndpoint withPort(int otherPort) {
        return new HttpEndpoint(host, otherPort, portSetting);
    }

    /** The base URL once bound to {@code boundPort} (which differs from {@link #port()} when that is 0). */
    public String url(int boundPort) {
        return url(boundPort, false);
    }

    /** The same, over HTTPS when {@code tls}. */
    public String url(int boundPort, boolean tls) {
        return (tls ? "https://" : "http://") + host + ":" + boundPort;
    }
}
