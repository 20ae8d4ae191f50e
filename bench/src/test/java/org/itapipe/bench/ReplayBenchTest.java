package org.itapipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayBenchTest {

    @Test
    void theCpuBoundIsTheProcessesCpuSecondsOverTheCoresAndTheGoalsShareOfThemPerSubmission() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("streams", 36.0);
        cpu.put("clickhouse", 30.0);
        cpu.put("kafka broker + bench driver", 26.0);

        String bound = ReplayBench.cpuBound(cpu, 55_000, 2);

        assertThat(bound).isEqualTo("1,673 µs per submission over all processes, 92.0 CPU s, so at least 46.0 s on "
                + "2 cores; the goal (15.0 s) allows 545 µs per submission");
    }
}
