package org.itapipe.bench;

import java.time.Duration;

/**
 * How much each benchmark moves.
 *
 * @param importSubmissions generated submissions in the ingest, streams and sink benchmarks
 * @param replayProvince    empty for the whole country, else the code of the one province the replay loads
 * @param replayRecords     submission records of the replay, revisions included (at least one per organization-year)
 * @param latencyRate       submissions per second sent to the ingest API in the latency benchmark
 * @param latencyWarmUp     how long that rate is held before the measured window (fresh JVMs compile their hot code
 *                          in the first seconds under load, which is not what a running service does)
 * @param latencyDuration   how long that rate is held and measured
 */
public record BenchSize(String name, int importSubmissions, String replayProvince, int replayRecords,
                        int latencyRate, Duration latencyWarmUp, Duration latencyDuration) {

    /** The sizes of the issue: 100,000 submissions, the national replay of at least 50,000, 200/s for a minute. */
    public static final BenchSize FULL = new BenchSize("full", 100_000, "", 55_000, 200, Duration.ofSeconds(10),
            Duration.ofSeconds(60));

    /** A first look in about a third of the time: smaller stage runs, the national replay, 15 s of latency. */
    public static final BenchSize QUICK = new BenchSize("quick", 25_000, "", 20_000, 200, Duration.ofSeconds(5),
            Duration.ofSeconds(15));

    /** Exercises every step of the harness in seconds (the default test run): one province, tiny counts. */
    public static final BenchSize SMOKE = new BenchSize("smoke", 1_200, "19", 600, 20, Duration.ofSeconds(1),
            Duration.ofSeconds(2));

    public boolean national() {
        return replayProvince.isEmpty();
    }
}
