package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.itapipe.devstack.StackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, as a user runs it: {@code itapipe demo --exit} on free ports. */
class DemoCommandTest {

    @TempDir
    Path stateDir;

    @Test
    void theDemoLoadsTheCountryAndReportsTheSeedAt9430GoodPass() throws Exception {
        StackPorts ports = StackPorts.free();
        try (LauncherProcess demo = LauncherProcess.start("demo", "--exit", "--state-dir", stateDir.toString(),
                "--kafka-port", Integer.toString(ports.kafka()),
                "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                "--registry-port", Integer.toString(ports.registry()),
                "--clickhouse-http-port", Integer.toString(ports.clickhouseHttp()),
                "--clickhouse-native-port", Integer.toString(ports.clickhouseNative()),
                "--ingest-port", Integer.toString(StackPorts.free().kafka()))) {
            int exit = demo.awaitExit(Duration.ofMinutes(8));

            assertThat(exit).as(demo.output()).isZero();
            List<String> lines = demo.output().lines().toList();
            assertThat(lines).anyMatch(line -> line.startsWith("== Seed report: องค์การบริหารส่วนตำบลบ้านกล้วย, FY 2568: "
                    + "total 94.30, ผ่านดี; rank "));
            assertThat(lines).anyMatch(line -> line.matches("\\s+submissions\\s+[\\d,]+"));
            assertThat(lines).anyMatch(line -> line.startsWith("== Open OIT alerts: "));
            assertThat(lines).anyMatch(line -> line.matches("\\s+wait for ClickHouse\\s+[\\d.]+ s"));
        }
    }
}
