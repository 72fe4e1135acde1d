package org.medicore.notification.adapter.out.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.DeliveryOutcome;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * E-mail over SMTP: plain text and HTML as alternatives and, for appointment messages, the
 * calendar as an invite.ics part of type text/calendar with its iTIP method, which mail
 * programs offer to add, update or remove. The Message-ID is derived from the message's idempotency key, so a
 * resend after a crash carries the same id and mail programs show it once.
 */
final class SmtpMail implements SendOnChannel {

    static {
        // jakarta.mail finds its stream provider with a ServiceLoader scan every time a body part is
        // written (FactoryFinder keeps nothing); inside a Spring Boot jar that scan was a third of the
        // service's CPU per mail. Named, the provider (Angus Mail's, the one on the class path) is
        // simply instantiated.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private final JavaMailSenderImpl sender;
    private final InternetAddress from;

    SmtpMail(JavaMailSenderImpl sender, String fromAddress, String fromName) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryOutcome send(String address, ComposedMessage message, String idempotencyKey) {
        String messageId = messageIdOf(idempotencyKey);
        try {
            MimeMessage mime = new KeyedMimeMessage(sender.getSession(), messageId);
            MimeMessageHelper mail = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED,
                    StandardCharsets.UTF_8.name()) {
                /** The sender's file types, read once: by default each message read the MIME types file again. */
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
                    return sender.getDefaultFileTypeMap();
                }
            };
            mail.setFrom(from);
            mail.setTo(new InternetAddress(address, true));
            mail.setSubject(message.subject());
            mail.setText(message.text(), message.html());
            // RFC 2369 and RFC 8058: mail programs show an "unsubscribe" button that POSTs to the link
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            if (message.calendar().isPresent()) {
                ComposedMessage.CalendarFile calendar = message.calendar().get();
                mail.getRootMimeMultipart().addBodyPart(calendarPart(calendar));
            }
            sender.send(mime);
            return new DeliveryOutcome.Delivered(messageId);
        } catch (AddressException e) {
            return new DeliveryOutcome.PermanentFailure("not an e-mail address: " + e.getMessage());
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            return new DeliveryOutcome.PermanentFailure("message not composable: " + e.getMessage());
        } catch (MailException e) {
            return refusedForGood(e) ? new DeliveryOutcome.PermanentFailure("refused by the mail server: " + e.getMessage())
                    : new DeliveryOutcome.TemporaryFailure(e.getMessage());
        }
    }

    /**
     * invite.ics in base64: RFC 5545 lines end in CRLF, which a text transfer encoding leaves to
     * every relay and reader to keep or not.
     */
    private static MimeBodyPart calendarPart(ComposedMessage.CalendarFile calendar) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.text().getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8; method=" + calendar.method())));
        part.setFileName("invite.ics");
        part.setDisposition(Part.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** A 5xx reply to the address or the message: the server will say the same next time. */
    private static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof SMTPSendFailedException sending && sending.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof SendFailedException sendFailed && sendFailed.getNextException() != null
                    && refusedForGood(sendFailed.getNextException())) {
                return true;
            }
        }
        return false;
    }

    static String messageIdOf(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@notification.medicore>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Keeps the Message-ID it was given; JavaMail would make a new one on every save. */
    private static final class KeyedMimeMessage extends MimeMessage {

        private final String messageId;

        KeyedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
