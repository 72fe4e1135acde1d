package org.medicore.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The mail server of the stack: GreenMail, a real SMTP and IMAP server, accepting mail for any
 * address, and a page that shows every mail it received, for people to read what the
 * notification service sent. Over IMAP the login is the recipient's address, with any password.
 * Mail is kept in memory: a restart of the stack starts with empty mailboxes.
 */
public final class MailServer implements Component {

    /** Ports of 0 are chosen free on the loopback interface. */
    public record Ports(int smtp, int imap, int inbox) {

        public static final Ports DEFAULTS = new Ports(13025, 13143, 13080);
        public static final Ports FREE = new Ports(0, 0, 0);
    }

    private final GreenMail mail;
    private final HttpServer inbox;

    private MailServer(GreenMail mail, HttpServer inbox) {
        this.mail = mail;
        this.inbox = inbox;
    }

    public static MailServer start(Ports ports) {
        GreenMail mail = new GreenMail(new ServerSetup[]{
                new ServerSetup(FreePorts.orFree(ports.smtp()), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(FreePorts.orFree(ports.imap()), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                // no accounts to set up: a mail creates its recipient's mailbox, an IMAP login opens it
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        try {
            HttpServer inbox = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.orFree(ports.inbox())), 0);
            MailServer server = new MailServer(mail, inbox);
            inbox.createContext("/", server::answer);
            inbox.start();
            return server;
        } catch (IOException e) {
            mail.stop();
            throw new UncheckedIOException("the mail page could not be served on port " + ports.inbox(), e);
        }
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    /** The page listing every received mail. */
    public String inboxUrl() {
        return "http://127.0.0.1:" + inbox.getAddress().getPort();
    }

    @Override
    public String name() {
        return "GreenMail";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("mail page", inboxUrl()),
                new Endpoint("SMTP", "127.0.0.1:" + smtpPort()),
                new Endpoint("IMAP", "127.0.0.1:" + imapPort() + " (user: the recipient's address, any password)"));
    }

    @Override
    public void close() {
        inbox.stop(0);
        mail.stop();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Optional<String> id = query(exchange, "id");
            try {
                if (path.equals("/")) {
                    send(exchange, 200, "text/html; charset=utf-8", list().getBytes(StandardCharsets.UTF_8));
                } else if (path.equals("/mail") && id.isPresent()) {
                    Optional<MimeMessage> message = find(id.get());
                    if (message.isPresent()) {
                        send(exchange, 200, "text/html; charset=utf-8", page(message.get()).getBytes(StandardCharsets.UTF_8));
                    } else {
                        send(exchange, 404, "text/plain; charset=utf-8", "no such mail".getBytes(StandardCharsets.UTF_8));
                    }
                } else if (path.equals("/mail.eml") && id.isPresent() && find(id.get()).isPresent()) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    find(id.get()).get().writeTo(raw);
                    // as text, so the browser shows the message as the mail program received it
                    send(exchange, 200, "text/plain; charset=utf-8", raw.toByteArray());
                } else {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                }
            } catch (MessagingException e) {
                send(exchange, 500, "text/plain; charset=utf-8", ("unreadable mail: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Newest first. */
    private List<MimeMessage> received() throws MessagingException {
        record Received(Date sent, MimeMessage message) {
        }
        List<Received> all = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            all.add(new Received(message.getSentDate() == null ? new Date(0) : message.getSentDate(), message));
        }
        all.sort(Comparator.comparing(Received::sent).reversed());
        return all.stream().map(Received::message).toList();
    }

    private Optional<MimeMessage> find(String messageId) throws MessagingException {
        for (MimeMessage message : received()) {
            if (messageId.equals(message.getMessageID())) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private String list() throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (MimeMessage message : received()) {
            String link = "/mail?id=" + URLEncoder.encode(String.valueOf(message.getMessageID()), StandardCharsets.UTF_8);
            rows.append("<tr><td>").append(escape(String.valueOf(message.getSentDate())))
                    .append("</td><td>").append(escape(addresses(message.getAllRecipients())))
                    .append("</td><td><a href=\"").append(escape(link)).append("\">")
                    .append(escape(String.valueOf(message.getSubject()))).append("</a></td></tr>\n");
        }
        return html("Mail received by the local stack",
                "<p>Every mail the stack's SMTP server received, newest first (" + mail.getReceivedMessages().length
                        + "). Reload to see new ones.</p>\n<table><tr><th>sent</th><th>to</th><th>subject</th></tr>\n"
                        + rows + "</table>");
    }

    private String page(MimeMessage message) throws MessagingException, IOException {
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/\">all mail</a> &middot; <a href=\"")
                .append(escape("/mail.eml?id=" + URLEncoder.encode(message.getMessageID(), StandardCharsets.UTF_8)))
                .append("\">as received</a></p>\n<table>")
                .append(header("From", addresses(message.getFrom())))
                .append(header("To", addresses(message.getAllRecipients())))
                .append(header("Date", String.valueOf(message.getSentDate())))
                .append(header("Subject", String.valueOf(message.getSubject())))
                .append(header("Message-ID", message.getMessageID()))
                .append("</table>\n");
        for (Part part : leaves(message)) {
            String type = part.getContentType().toLowerCase(java.util.Locale.ROOT);
            String name = part.getFileName() == null ? "" : " " + part.getFileName();
            body.append("<h2>").append(escape(type.split(";")[0] + name)).append("</h2>\n");
            if (type.startsWith("text/")) {
                // the HTML part too is shown as its source: this page runs no mail's markup
                body.append("<pre>").append(escape(text(part))).append("</pre>\n");
            } else {
                body.append("<p>(").append(escape(type)).append(", not shown)</p>\n");
            }
        }
        return html(String.valueOf(message.getSubject()), body.toString());
    }

    private static List<Part> leaves(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            List<Part> leaves = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves.addAll(leaves(multipart.getBodyPart(i)));
            }
            return leaves;
        }
        return List.of(part);
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        // text/calendar arrives as a stream: its charset is UTF-8 (RFC 5545)
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + escape(value) + "</td></tr>";
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : String.join(", ", Arrays.stream(addresses).map(Address::toString).toList());
    }

    private static String html(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:sans-serif;margin:2em}td,th{text-align:left;padding:.2em .8em;vertical-align:top}"
                + "pre{background:#f4f4f4;padding:1em;white-space:pre-wrap}</style></head><body><h1>" + escape(title)
                + "</h1>\n" + body + "\n</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static Optional<String> query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals(name)) {
                return Optional.of(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        headers.set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
