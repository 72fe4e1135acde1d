package org.medicore.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** A patient's mailbox on GreenMail, read over IMAP as a mail program would. */
public final class Inbox {

    /** One mail as its reader sees it. */
    public record Mail(String messageId, String subject, String text, String html, Optional<String> calendar,
                       Optional<String> calendarContentType, Optional<String> listUnsubscribe) {
    }

    private final GreenMail server;
    private final String address;
    private final String password = "patient-password";

    private Inbox(GreenMail server, String address) {
        this.server = server;
        this.address = address;
    }

    public static Inbox of(GreenMail server, String address) {
        server.setUser(address, address, "patient-password");
        return new Inbox(server, address);
    }

    public String address() {
        return address;
    }

    /** Only the Message-IDs, fetched in one round trip: for counting many mails. */
    public List<String> messageIds() {
        return withInbox(inbox -> {
            Message[] messages = inbox.getMessages();
            FetchProfile headers = new FetchProfile();
            headers.add("Message-ID");
            inbox.fetch(messages, headers);
            List<String> ids = new ArrayList<>();
            for (Message message : messages) {
                ids.add(message.getHeader("Message-ID")[0]);
            }
            return ids;
        });
    }

    public List<Mail> read() {
        return withInbox(inbox -> {
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(mail(message));
            }
            return mails;
        });
    }

    private interface InboxReading<T> {
        T read(Folder inbox) throws MessagingException, IOException;
    }

    private <T> T withInbox(InboxReading<T> reading) {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", server.getImap().getPort(), address, password);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                T read = reading.read(inbox);
                inbox.close(false);
                return read;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("reading " + address + " over IMAP failed", e);
        }
    }

    private static Mail mail(Message message) throws MessagingException, IOException {
        Parts parts = new Parts();
        parts.collect(message);
        String[] ids = message.getHeader("Message-ID");
        String[] unsubscribe = message.getHeader("List-Unsubscribe");
        return new Mail(ids == null ? null : ids[0], message.getSubject(), parts.text, parts.html,
                Optional.ofNullable(parts.calendar), Optional.ofNullable(parts.calendarType),
                Optional.ofNullable(unsubscribe).map(values -> values[0]));
    }

    private static final class Parts {
        String text;
        String html;
        String calendar;
        String calendarType;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    collect(body);
                }
            } else if (part.isMimeType("text/calendar")) {
                calendar = content(part);
                calendarType = part.getContentType();
            } else if (part.isMimeType("text/html")) {
                html = content(part);
            } else if (part.isMimeType("text/plain")) {
                text = content(part);
            }
        }

        private static String content(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            return content instanceof String text ? text
                    : new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
