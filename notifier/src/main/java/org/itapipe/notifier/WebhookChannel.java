package org.itapipe.notifier;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.itapipe.config.Secret;

/**
 * POSTs the JSON body, signed: {@code X-Itapipe-Signature: sha256=<hex HMAC-SHA256 of the body with the webhook's
 * secret>} and {@code X-Itapipe-Delivery: <delivery id>}. A 2xx answer is delivery; anything else is a failure.
 */
public final class WebhookChannel implements Channel {

    public static final String SIGNATURE_HEADER = "X-Itapipe-Signature";
    public static final String DELIVERY_HEADER = "X-Itapipe-Delivery";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public void send(Destination destination, Notification notification) throws DeliveryFailed,
            InterruptedException {
        Destination.Webhook webhook = (Destination.Webhook) destination;
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(SIGNATURE_HEADER, "sha256=" + sign(webhook.secret(), notification.json()))
                .header(DELIVERY_HEADER, notification.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofString(notification.json(), StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryFailed(webhook.url().getHost() + " cannot be reached: " + e, e);
        }
        if (status < 200 || status >= 300) {
            throw new DeliveryFailed("answered HTTP " + status, null);
        }
    }

    /** The hex HMAC-SHA256 of {@code body} with {@code secret}: what receivers recompute to verify. */
    public static String sign(Secret secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
