package org.itapipe.devstack.junit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.StackOptions;

/** The stack one test JVM shares: embedded (started here) or external (only connection settings). */
final class TestStack implements AutoCloseable {

    static final String MODE_PROPERTY = "itapipe.test.stack";

    private final Connections connections;
    private final EmbeddedStack embedded;

    private TestStack(Connections connections, EmbeddedStack embedded) {
        this.connections = connections;
        this.embedded = embedded;
    }

    static TestStack start() {
        Map<String, String> env = System.getenv();
        String mode = System.getProperty(MODE_PROPERTY, env.getOrDefault("ITAPIPE_TEST_STACK", "embedded"))
                .toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "embedded" -> {
                EmbeddedStack stack = EmbeddedStack.start(StackOptions.forTests(Path.of("target", "embedded-stack")));
                yield new TestStack(stack.connections(), stack);
            }
            case "external" -> {
                String file = env.get("ITAPIPE_CONFIG");
                yield new TestStack(Connections.from(ConfigSource.load(file == null ? null : Path.of(file), env)), null);
            }
            default -> throw new IllegalArgumentException(
                    "ITAPIPE_TEST_STACK / " + MODE_PROPERTY + " must be embedded or external, got " + mode);
        };
    }

    Connections connections() {
        return connections;
    }

    Optional<StackEndpoints> endpoints() {
        return Optional.ofNullable(embedded).map(EmbeddedStack::endpoints);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
