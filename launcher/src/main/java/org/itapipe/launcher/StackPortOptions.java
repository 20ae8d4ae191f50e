package org.itapipe.launcher;

import org.itapipe.devstack.StackPorts;
import picocli.CommandLine.Option;

/** The ports of the embedded stack, each overridable; the defaults are the ones clients expect. */
final class StackPortOptions {

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka (default: ${DEFAULT-VALUE}).")
    private int kafka;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT", defaultValue = "9093",
            description = "Kafka's KRaft controller (default: ${DEFAULT-VALUE}).")
    private int kafkaController;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Schema registry (default: ${DEFAULT-VALUE}).")
    private int registry;

    @Option(names = "--clickhouse-http-port", paramLabel = "PORT", defaultValue = "8123",
            description = "ClickHouse HTTP (default: ${DEFAULT-VALUE}).")
    private int clickhouseHttp;

    @Option(names = "--clickhouse-native-port", paramLabel = "PORT", defaultValue = "9000",
            description = "ClickHouse native TCP (default: ${DEFAULT-VALUE}).")
    private int clickhouseNative;

    StackPorts toPorts() {
        return new StackPorts(kafka, kafkaController, registry, clickhouseHttp, clickhouseNative);
    }
}
