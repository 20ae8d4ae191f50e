package org.itapipe.launcher;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Keeps a started service running until the JVM is interrupted, after printing where it answers. */
final class RunningService {

    private RunningService() {
    }

    /** For services whose HTTP side is health and metrics: prints {@code <name>.health=} and {@code <name>.metrics=}. */
    static int untilInterrupted(String name, AutoCloseable service, PrintWriter out, String base)
            throws InterruptedException {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put(name + ".health", base + "/health");
        endpoints.put(name + ".metrics", base + "/metrics");
        return untilInterrupted(name, service, out, endpoints);
    }

    static int untilInterrupted(String name, AutoCloseable service, PrintWriter out, Map<String, String> endpoints)
            throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("itapipe: stopping " + name + " failed: " + e);
            }
        }, name + "-shutdown"));
        endpoints.forEach((key, value) -> out.println(key + "=" + value));
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
