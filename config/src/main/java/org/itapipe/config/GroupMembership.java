package org.itapipe.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/**
 * How one instance of a service is known to its Kafka consumer groups: {@code <service>.instance-id}. With an id the
 * membership is static (KIP-345): an instance killed and started again under the same id takes its partitions back
 * at its first poll, instead of waiting until the broker gives up on the dead member's session (45 s). The price: an
 * instance that stops and does not come back holds its partitions for that session too.
 *
 * <p>By default the id is {@code <host>-<HTTP port>}, because two live instances on one host cannot share a port
 * while a restarted one takes its own port again. A service whose port is 0 (picked at random, as in tests) has no
 * stable identity and so stays dynamic, as does one configured with {@code none}.
 */
public record GroupMembership(Optional<String> instanceId) {

    public static final GroupMembership DYNAMIC = new GroupMembership(Optional.empty());
    private static final String NONE = "none";

    public static GroupMembership from(ConfigSource config, String service, HttpEndpoint http) {
        String key = service + ".instance-id";
        Optional<String> configured = config.get(key).map(String::strip);
        if (configured.isPresent()) {
            String id = configured.get();
            if (id.isEmpty() || !id.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new ConfigException(key + ": '" + id + "' must be printable ASCII without spaces, or " + NONE);
            }
            return id.equals(NONE) ? DYNAMIC : new GroupMembership(Optional.of(id));
        }
        return byDefault(http);
    }

    /** Without a configured id: {@code <host>-<port>}, or dynamic where the port is 0. */
    public static GroupMembership byDefault(HttpEndpoint http) {
        return http.port() == 0 ? DYNAMIC : new GroupMembership(Optional.of(hostName() + "-" + http.port()));
    }

    /** The consumer setting ({@code group.instance.id}) this membership adds, if any. */
    public Map<String, Object> consumerConfig() {
        return instanceId.<Map<String, Object>>map(id -> Map.of("group.instance.id", id)).orElse(Map.of());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }
}
