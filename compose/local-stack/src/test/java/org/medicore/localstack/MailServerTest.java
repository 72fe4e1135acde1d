package org.medicore.localstack;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailServerTest {

    private static MailServer server;

    @BeforeAll
    static void start() {
        server = MailServer.start(MailServer.Ports.FREE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_mail_sent_over_smtp_is_read_over_imap_by_its_recipient_with_any_password() throws Exception {
        send("alice@patients.example", "Your appointment", "<confirmation-1@medicore>");

        Properties settings = new Properties();
        Store store = Session.getInstance(settings).getStore("imap");
        store.connect("127.0.0.1", server.imapPort(), "alice@patients.example", "whatever");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("Your appointment");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void the_mail_page_lists_every_mail_and_shows_each_part_as_text_with_nothing_of_its_markup_run() throws Exception {
        send("bob@patients.example", "Results <ready>", "<results-1@medicore>");

        String list = get("/");
        assertThat(list).contains("bob@patients.example", "Results &lt;ready&gt;",
                "/mail?id=" + URLEncoder.encode("<results-1@medicore>", StandardCharsets.UTF_8));
        String page = get("/mail?id=" + URLEncoder.encode("<results-1@medicore>", StandardCharsets.UTF_8));
        assertThat(page).contains("text/plain", "Hello Bob,", "text/html", "&lt;p&gt;Hello &lt;b&gt;Bob&lt;/b&gt;&lt;/p&gt;",
                "text/calendar invite.ics", "UID:results-1@medicore").doesNotContain("<b>Bob</b>");
        assertThat(get("/mail.eml?id=" + URLEncoder.encode("<results-1@medicore>", StandardCharsets.UTF_8)))
                .contains("Message-ID: <results-1@medicore>", "Content-Type: multipart/mixed");
        assertThat(status("/mail?id=unknown")).isEqualTo(404);
    }

    private static void send(String to, String subject, String messageId) throws Exception {
        Properties settings = new Properties();
        settings.setProperty("mail.smtp.host", "127.0.0.1");
        settings.setProperty("mail.smtp.port", String.valueOf(server.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(settings)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("appointments@medicore.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello Bob,\nyour results are ready.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Hello <b>Bob</b></p>", "text/html; charset=UTF-8");
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setContent("BEGIN:VCALENDAR\r\nUID:results-1@medicore\r\nEND:VCALENDAR\r\n", "text/calendar; charset=UTF-8");
        calendar.setFileName("invite.ics");
        message.setContent(new MimeMultipart(text, html, calendar));
        Transport.send(message);
    }

    private static String get(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.inboxUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    private static int status(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(server.inboxUrl() + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
