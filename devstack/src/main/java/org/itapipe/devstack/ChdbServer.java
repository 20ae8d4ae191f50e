package org.itapipe.devstack;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Main class of the ClickHouse child JVM. chDB's clickhouse-local contains ClickHouse's real HTTP and native TCP
 * servers; {@code SYSTEM START LISTEN} opens them, and a query that never ends keeps the call (and so the listeners)
 * alive. The listeners close when the call returns, so this process lives exactly as long as the server. The
 * query runs as chDB's in-process user {@code default}, which {@link ClickHouseUsers} grants nothing more.
 *
 * <p>Arguments: library path, server config file (users), data directory, HTTP port, native TCP port.
 */
public final class ChdbServer {

    /** The C entry point of libchdb.so that runs clickhouse-local with a command line. */
    public interface LibChdb extends Library {
        Pointer chdb_query_cmdline(int argc, String[] argv);

        String chdb_result_error(Pointer result);
    }

    private static final String KEEP_SERVING = "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; "
            + "SELECT sleepEachRow(1) FROM system.numbers LIMIT 1000000000 "
            + "SETTINGS max_block_size = 1, max_execution_time = 0 FORMAT Null";

    private ChdbServer() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: ChdbServer <libchdb.so> <config.xml> <data dir> <http port> <tcp port>");
        }
        LibChdb chdb = Native.load(args[0], LibChdb.class);
        String[] argv = {
            "clickhouse", "--config-file=" + args[1], "--path=" + args[2], "--query", KEEP_SERVING, "--",
            "--listen_host=127.0.0.1", "--http_port=" + args[3], "--tcp_port=" + args[4]
        };
        System.out.println("clickhouse: serving HTTP on " + args[3] + ", native TCP on " + args[4]
                + ", data in " + args[2]);
        Pointer result = chdb.chdb_query_cmdline(argv.length, argv);
        String error = result == null ? "no result" : chdb.chdb_result_error(result);
        System.out.println("clickhouse: the serving query ended: " + error);
        System.exit(1);
    }
}
