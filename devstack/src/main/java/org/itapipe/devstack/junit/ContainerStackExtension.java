package org.itapipe.devstack.junit;

import org.itapipe.config.Connections;
import org.itapipe.devstack.ContainerStack;
import org.itapipe.devstack.StackEndpoints;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Like {@link EmbeddedStackExtension}, on containers: Kafka, Apicurio Registry and ClickHouse started by
 * Testcontainers once per test JVM. Without Docker every test that asks for them is skipped, saying why.
 */
public final class ContainerStackExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ContainerStackExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return ContainerStack.unavailableReason()
                .map(reason -> ConditionEvaluationResult.disabled("container variant skipped: " + reason))
                .orElse(ConditionEvaluationResult.enabled("Docker is available"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Connections.class || type == StackEndpoints.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ContainerStack stack = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ContainerStack.class, key -> ContainerStack.start(), ContainerStack.class);
        return parameter.getParameter().getType() == Connections.class ? stack.endpoints().connections()
                : stack.endpoints();
    }
}
