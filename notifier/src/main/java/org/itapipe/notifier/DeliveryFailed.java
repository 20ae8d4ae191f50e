package org.itapipe.notifier;

/** A destination did not accept a notification this time; the reason goes into metrics, logs and the parked record. */
public final class DeliveryFailed extends Exception {

    public DeliveryFailed(String reason, Throwable cause) {
        super(reason, cause);
    }
}
