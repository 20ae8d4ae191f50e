package org.itapipe.devstack;

import java.nio.file.Path;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.Secret;

/**
 * A ClickHouse server of its own, outside the shared stack, that a fault test can stop and start again on the same
 * ports, users and data (an outage), without disturbing the other tests of the JVM.
 */
public final class StandaloneClickHouse implements AutoCloseable {

    private final StateDirectories dirs;
    private final int httpPort;
    private final int nativePort;
    private final ClickHouseUsers users = ClickHouseUsers.generate();
    private EmbeddedClickHouse server;

    private StandaloneClickHouse(Path stateDir) {
        this.dirs = new StateDirectories(stateDir.toAbsolutePath().normalize());
        StackPorts ports = StackPorts.free();
        this.httpPort = ports.clickhouseHttp();
        this.nativePort = ports.clickhouseNative();
    }

    public static StandaloneClickHouse start(Path stateDir) {
        StandaloneClickHouse clickhouse = new StandaloneClickHouse(stateDir);
        clickhouse.dirs.prepare();
        clickhouse.startServer();
        return clickhouse;
    }

    private void startServer() {
        server = EmbeddedClickHouse.start(BuildInfo.load(), MachineCache.fromEnvironment(System.getenv()),
                System.getenv(), dirs, httpPort, nativePort, users);
    }

    /** Stops the server (its data stays). */
    public void stop() {
        server.close();
    }

    /** Starts the server again on the same ports, users and data. */
    public void restart() {
        startServer();
    }

    public ClickHouseSettings writer() {
        return new ClickHouseSettings(server.jdbcUrl(), EmbeddedClickHouse.WRITER, new Secret(users.writerPassword()));
    }

    public ClickHouseSettings analyst() {
        return new ClickHouseSettings(server.jdbcUrl(), EmbeddedClickHouse.ANALYST,
                new Secret(users.analystPassword()));
    }

    @Override
    public void close() {
        server.close();
    }
}
