package org.medicore.notification.adapter.out.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MIME message every e-mail provider sends: plain text and HTML as alternatives and, for appointment
 * messages, the calendar as an invite.ics part of type text/calendar with its iTIP method, which mail
 * programs offer to add, update or remove; the unsubscribe headers; a Message-ID derived from the
 * message's idempotency key, so a resend after a crash carries the same id and mail programs show it once.
 */
final class MimeMail {

    /** Names the message (not the attempt) for whoever reads the raw mail: SES keeps custom headers. */
    static final String IDEMPOTENCY_HEADER = "X-MediCore-Idempotency-Key";

    static {
        // jakarta.mail finds its stream provider with a ServiceLoader scan every time a body part is
        // written (FactoryFinder keeps nothing); inside a Spring Boot jar that scan was a third of the
        // service's CPU per mail. Named, the provider (Angus Mail's, the one on the class path) is
        // simply instantiated.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private final InternetAddress from;
    private final FileTypeMap fileTypes;

    MimeMail(String fromAddress, String fromName, FileTypeMap fileTypes) {
        try {
            this.from = new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        this.fileTypes = fileTypes;
    }

    InternetAddress from() {
        return from;
    }

    /** The mail to one address; an address that is not one throws AddressException. */
    MimeMessage compose(Session session, String address, ComposedMessage message, String idempotencyKey)
            throws MessagingException {
        MimeMessage mime = new KeyedMimeMessage(session, messageIdOf(idempotencyKey));
        MimeMessageHelper mail = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED,
                StandardCharsets.UTF_8.name()) {
            /** The file types read once: by default each message read the MIME types file again. */
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
                return fileTypes;
            }
        };
        mail.setFrom(from);
        mail.setTo(new InternetAddress(address, true));
        mail.setSubject(message.subject());
        mail.setText(message.text(), message.html());
        // RFC 2369 and RFC 8058: mail programs show an "unsubscribe" button that POSTs to the link
        mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.setHeader(IDEMPOTENCY_HEADER, idempotencyKey);
        if (message.calendar().isPresent()) {
            mail.getRootMimeMultipart().addBodyPart(calendarPart(message.calendar().get()));
        }
        return mime;
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

    static String messageIdOf(String idempotencyKey) {
        return "<" + digestOf(idempotencyKey) + "@notification.medicore>";
    }

    /** 32 hex digits of SHA-256 over the key: what fits where a key's own characters may not (an SES tag). */
    static String digestOf(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
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
