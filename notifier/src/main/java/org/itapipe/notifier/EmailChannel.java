package org.itapipe.notifier;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;

/**
 * Sends through SMTP with Jakarta Mail (Eclipse Angus): a multipart/alternative message with UTF-8 plain text and
 * HTML, the Thai subject encoded as RFC 2047 requires, and {@code X-Itapipe-Delivery} for receivers' filters.
 */
public final class EmailChannel implements Channel {

    private final SmtpSettings smtp;
    private final Session session;

    public EmailChannel(SmtpSettings smtp) {
        this.smtp = smtp;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.auth", Boolean.toString(!smtp.user().isEmpty()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(smtp.security() == SmtpSettings.Security.STARTTLS));
        properties.put("mail.smtp.starttls.required",
                Boolean.toString(smtp.security() == SmtpSettings.Security.STARTTLS));
        properties.put("mail.smtp.ssl.enable", Boolean.toString(smtp.security() == SmtpSettings.Security.SSL));
        this.session = Session.getInstance(properties);
    }

    @Override
    public void send(Destination destination, Notification notification) throws DeliveryFailed {
        Destination.Email email = (Destination.Email) destination;
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from()));
            for (String to : email.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            message.setSubject(notification.subject(), "UTF-8");
            message.setHeader(WebhookChannel.DELIVERY_HEADER, notification.deliveryId());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(notification.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(notification.html(), "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", text, html));
            if (smtp.user().isEmpty()) {
                Transport.send(message);
            } else {
                Transport.send(message, smtp.user(), smtp.password().value());
            }
        } catch (MessagingException e) {
            throw new DeliveryFailed("SMTP " + smtp.host() + ":" + smtp.port() + " refused: " + e.getMessage(), e);
        }
    }
}
