package org.itapipe.devstack.junit;

import org.itapipe.config.Connections;
import org.itapipe.devstack.StackEndpoints;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a running stack: declare a {@link Connections} (or, on the embedded stack, a {@link StackEndpoints})
 * parameter in a test, a constructor or a lifecycle method. The stack starts on first use and is shared by every
 * test of the JVM; JUnit closes it when the run ends.
 *
 * <p>By default the stack is the embedded one on free ports. Set {@code ITAPIPE_TEST_STACK=external} (or the system
 * property {@code itapipe.test.stack}) to run the same tests against servers named by the usual connection settings
 * ({@code ITAPIPE_KAFKA_BOOTSTRAP}, {@code ITAPIPE_REGISTRY_URL}, {@code ITAPIPE_CLICKHOUSE_JDBC}, ... or the file
 * named by {@code ITAPIPE_CONFIG}).
 */
public final class EmbeddedStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Connections.class || type == StackEndpoints.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestStack stack = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestStack.class, key -> TestStack.start(), TestStack.class);
        if (parameter.getParameter().getType() == Connections.class) {
            return stack.connections();
        }
        return stack.endpoints().orElseThrow(() -> new ParameterResolutionException(
                "StackEndpoints exist only on the embedded stack; this run uses external servers: ask for Connections"));
    }
}
