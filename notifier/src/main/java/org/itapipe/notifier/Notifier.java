package org.itapipe.notifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Every destination's delivery worker (and digest worker, where it has a schedule), each on its own thread, so a
 * destination that is down delays nobody else. Runs until {@link #stop}.
 */
final class Notifier implements Runnable {

    private final List<DeliveryWorker> deliveries;
    private final List<DigestWorker> digests;

    Notifier(List<DeliveryWorker> deliveries, List<DigestWorker> digests) {
        this.deliveries = List.copyOf(deliveries);
        this.digests = List.copyOf(digests);
    }

    @Override
    public void run() {
        List<Thread> threads = new ArrayList<>();
        deliveries.forEach(worker -> threads.add(new Thread(worker, "itapipe-notifier-" + worker.destinationName())));
        digests.forEach(worker -> threads.add(new Thread(worker, "itapipe-notifier-digest-"
                + worker.destinationName())));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void stop() {
        deliveries.forEach(DeliveryWorker::stop);
        digests.forEach(DigestWorker::stop);
    }
}
