package org.itapipe.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to start the stack: where its state (data, logs) lives, on which ports, and the environment that may override
 * the machine cache ({@code ITAPIPE_CACHE_DIR}) or the ClickHouse library ({@code ITAPIPE_CHDB_LIBRARY}).
 */
public record StackOptions(Path stateDir, StackPorts ports, Map<String, String> env) {

    public StackOptions {
        stateDir = stateDir.toAbsolutePath().normalize();
        env = Map.copyOf(env);
    }

    public static StackOptions forTests(Path stateDir) {
        return new StackOptions(stateDir, StackPorts.free(), System.getenv());
    }
}
