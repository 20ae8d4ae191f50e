package org.itapipe.devstack;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a readiness probe until it answers true, the deadline passes, or the server behind it dies. */
final class Await {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Await() {
    }

    static void until(String what, Duration timeout, Callable<Boolean> probe, Runnable aliveCheck) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            aliveCheck.run();
            try {
                if (Boolean.TRUE.equals(probe.call())) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartFailed("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartFailed("interrupted while waiting for " + what, e);
            }
        }
        throw new StackStartFailed(what + " did not become ready within " + timeout.toSeconds() + " s"
                + (lastFailure == null ? "" : "; last probe failed with: " + lastFailure), lastFailure);
    }
}
