package org.itapipe.notifier;

/** Sends one notification to one destination, once: retries, patience and parking are the worker's. */
public interface Channel {

    void send(Destination destination, Notification notification) throws DeliveryFailed, InterruptedException;
}
