package org.itapipe.devstack;

import java.nio.file.Path;
import org.itapipe.config.RegistrySettings;

/**
 * A schema registry of its own, outside the shared stack, that a fault test can take away (an outage) without
 * disturbing the other tests of the JVM. Its storage is in memory, so it does not come back: what an outage tests is
 * that services go on with the schemas they have cached.
 */
public final class StandaloneSchemaRegistry implements AutoCloseable {

    private final EmbeddedSchemaRegistry server;

    private StandaloneSchemaRegistry(EmbeddedSchemaRegistry server) {
        this.server = server;
    }

    public static StandaloneSchemaRegistry start(Path stateDir) {
        StateDirectories dirs = new StateDirectories(stateDir.toAbsolutePath().normalize());
        dirs.prepare();
        return new StandaloneSchemaRegistry(EmbeddedSchemaRegistry.start(BuildInfo.load(),
                MachineCache.fromEnvironment(System.getenv()), StackPorts.freePorts(1).get(0), dirs));
    }

    public RegistrySettings settings() {
        return RegistrySettings.of(server.url().toString());
    }

    /** Stops the registry: clients see connections refused from now on. */
    public void stop() {
        server.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
