package org.itapipe.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one instance of a service is known to its Kafka consumer groups: {@code <service>.instance-id}. With an id the
 * membership is static (KIP-345): an instance killed and started again under the same id takes its partitions back
 * at its first poll, instead of waiting until the broker gives up on the dead member's session (45 s). The price: an
 * instance that stops and does not come back holds its partitions for that session too.
 *
 * <p>By default the id is {@code <host>-<HTTP port>}, because two live instances on one host cannot share a port
 * while a restarted one takes its own port again. A service whose port is 0 (picked at random, as in tests) has no
 * stable identity and so stays dynamic, as does one configured with {@code none}.
 *
 * <p>{@code <service>.session-timeout-ms} (Kafka's {@code session.timeout.ms}, default 45 s; the broker allows 6 s to
 * 30 min) is how long the group waits for a member that stopped answering: shorter, and a surviving instance takes
 * over a dead one's partitions sooner; too short, and a member that pauses (a long GC, a slow disk) is dropped.
 */
public record GroupMembership(Optional<String> instanceId, OptionalInt sessionTimeoutMs) {

    public static final GroupMembership DYNAMIC = new GroupMembership(Optional.empty());
    private static final String NONE = "none";
    private static final int MIN_SESSION_MS = 6_000;
    private static final int MAX_SESSION_MS = 1_800_000;

    /** With Kafka's session timeout. */
    public GroupMembership(Optional<String> instanceId) {
        this(instanceId, OptionalInt.empty());
    }

    public static GroupMembership from(ConfigSource config, String service, HttpEndpoint http) {
        String key = service + ".instance-id";
        Optional<String> configured = config.get(key).map(String::strip);
        GroupMembership membership = byDefault(http);
        if (configured.isPresent()) {
            String id = configured.get();
            if (id.isEmpty() || !id.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new ConfigException(key + ": '" + id + "' must be printable ASCII without spaces, or " + NONE);
            }
            membership = id.equals(NONE) ? DYNAMIC : new GroupMembership(Optional.of(id));
        }
        return new GroupMembership(membership.instanceId(), sessionTimeout(config, service + ".session-timeout-ms"));
    }

    private static OptionalInt sessionTimeout(ConfigSource config, String key) {
        Optional<String> value = config.get(key).map(String::strip);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int millis = Integer.parseInt(value.get());
            if (millis >= MIN_SESSION_MS && millis <= MAX_SESSION_MS) {
                return OptionalInt.of(millis);
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the range.
        }
        throw new ConfigException(key + ": '" + value.get() + "' must be milliseconds from " + MIN_SESSION_MS + " to "
                + MAX_SESSION_MS + " (the broker's limits)");
    }

    /** Without a configured id: {@code <host>-<port>}, or dynamic where the port is 0. */
    public static GroupMembership byDefault(HttpEndpoint http) {
        return http.port() == 0 ? DYNAMIC : new GroupMembership(Optional.of(hostName() + "-" + http.port()));
    }

    /** The consumer settings ({@code group.instance.id}, {@code session.timeout.ms}) this membership adds, if any. */
    public Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        instanceId.ifPresent(id -> config.put("group.instance.id", id));
        sessionTimeoutMs.ifPresent(millis -> config.put("session.timeout.ms", millis));
        return Map.copyOf(config);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }
}
