package org.itapipe.notifier;

/**
 * One message to one destination, in every form a channel needs: a delivery id (the same at every retry and replay,
 * so a receiver can drop a repeat), a subject, plain text and HTML (Thai first, then English) for e-mail, and the
 * JSON body for webhooks.
 */
public record Notification(String deliveryId, String subject, String text, String html, String json) {
}
