package org.itapipe.sink.notify;

/** Sends one notification to one destination, once: retries, patience and parking are the worker's. */
public interface Channel {

    void send(Destination destination, Notification notification) throws DeliveryFailed, InterruptedException;
}
