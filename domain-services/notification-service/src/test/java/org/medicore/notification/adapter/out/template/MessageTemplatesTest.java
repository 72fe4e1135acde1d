package org.medicore.notification.adapter.out.template;

import org.junit.jupiter.api.Test;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.IssueUnsubscribeTokens;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.Language;
import org.medicore.notification.domain.MessageContent;
import org.medicore.notification.domain.Money;
import org.medicore.notification.domain.Notification;
import org.medicore.notification.domain.NotificationKind;
import org.medicore.notification.domain.Recipient;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.notification.domain.NotificationFixtures.aRecipient;

/** The template files: every kind in every language renders, and none says more than it needs. */
class MessageTemplatesTest {

    /**
     * What a message may say, per kind. Adding a variable to a template means adding it here,
     * in review: no diagnosis, no result value, no reason for a cancellation, no department.
     */
    private static final Set<String> EVERY_MESSAGE = Set.of("clinicName", "portalUrl", "unsubscribeUrl",
            "smsUnsubscribeUrl");
    private static final Set<String> APPOINTMENT = Set.of("date", "time", "endTime", "timeZone");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "booking-confirmed", APPOINTMENT,
            "appointment-moved", APPOINTMENT,
            "appointment-cancelled", APPOINTMENT,
            "reminder", APPOINTMENT,
            "results-ready", Set.of(),
            "invoice-issued", Set.of("invoiceNumber", "amount", "dueDate", "accountHolder", "iban", "bic"));
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\{?\\s*([^}\\s]+)\\s*}?}}");

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T07:30:00Z"), ZoneOffset.UTC);
    /** Tokens that say what they stand for, so a test can read them back. */
    private static final IssueUnsubscribeTokens TOKENS = (patient, channel, now) -> patient + "." + channel;
    private static final Instant START = LocalDateTime.parse("2026-12-10T09:15").atZone(BERLIN).toInstant();
    private final MustacheMessages messages = new MustacheMessages(new MustacheMessages.Clinic("MediCore Clinic",
            "http://localhost:4173", "appointments@medicore.local", "MediCore Clinic", "DE89 3704 0044 0532 0130 00",
            "COBADEFFXXX"), new UnsubscribeLinks("http://127.0.0.1:9295/unsubscribe", "http://127.0.0.1:9295/u", TOKENS, CLOCK), CLOCK);

    @Test
    void templates_name_only_what_their_message_needs() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getClassLoader().getResource(MessageTemplates.ROOT).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().endsWith(".properties")) {
                    for (String line : text.lines().filter(line -> line.contains("=") && !line.startsWith("#")).toList()) {
                        String key = line.substring(0, line.indexOf('='));
                        String kind = key.substring(0, key.indexOf('.'));
                        assertThat(variables(line)).as(file + " " + key)
                                .isSubsetOf(allowed(kind.equals("calendar") ? "results-ready" : kind));
                    }
                } else {
                    String kind = root.relativize(file).getName(0).toString();
                    assertThat(variables(text)).as(file.toString()).isSubsetOf(allowed(kind));
                }
            }
        }
    }

    @Test
    void every_kind_renders_in_every_language_as_text_html_and_sms() {
        for (Language language : Language.values()) {
            Recipient recipient = aRecipient().speaking(language).build();
            for (NotificationKind kind : NotificationKind.values()) {
                ComposedMessage message = messages.compose(notification(kind), recipient);

                assertThat(message.subject()).as("%s %s", kind, language).isNotBlank().doesNotContain("{{");
                assertThat(message.text()).contains("MediCore Clinic").doesNotContain("{{");
                assertThat(message.html()).startsWith("<!DOCTYPE html>").contains("lang=\"" + language.tag() + "\"");
                assertThat(message.shortText()).doesNotContain("\n");
                assertThat(message.calendar().isPresent()).isEqualTo(kind.carriesCalendar());
            }
        }
    }

    @Test
    void every_mail_ends_with_an_unsubscribe_link_for_its_patient_and_channel() {
        for (Language language : Language.values()) {
            for (NotificationKind kind : NotificationKind.values()) {
                Notification notification = notification(kind);
                ComposedMessage message = messages.compose(notification, aRecipient().speaking(language).build());

                String link = message.unsubscribeUrl();
                assertThat(link).startsWith("http://127.0.0.1:9295/unsubscribe?token=");
                assertThat(message.text()).as("%s %s", kind, language).contains(link);
                assertThat(message.html()).as("%s %s", kind, language).contains("href=\"" + link + "\"");
                assertThat(link).endsWith("token=" + notification.patientId() + ".EMAIL");
            }
        }
    }

    @Test
    void every_sms_ends_with_the_short_unsubscribe_link_for_its_patient() {
        for (Language language : Language.values()) {
            for (NotificationKind kind : NotificationKind.values()) {
                Notification sms = notification(kind, Channel.SMS);

                String text = messages.compose(sms, aRecipient().speaking(language).build()).shortText();

                assertThat(text).as("%s %s", kind, language).endsWith(" http://127.0.0.1:9295/u/" + sms.patientId() + ".SMS");
            }
        }
    }

    /**
     * The longest an SMS gets: a real token (56 characters), the cloud's link, the longest dates of both
     * languages (a Wednesday in September), an afternoon time, a long clinic name and a five-figure amount.
     * Every one stays in the GSM alphabet (a no-break space from the locale data would make it UCS-2, 70
     * characters a segment) and within two segments.
     */
    @Test
    void every_sms_in_every_language_stays_within_two_segments() {
        Instant wednesday = LocalDateTime.parse("2026-09-30T17:45").atZone(BERLIN).toInstant();
        MustacheMessages cloud = new MustacheMessages(new MustacheMessages.Clinic("MediCore Clinic Berlin-Mitte",
                "https://portal.medicore.invalid", "a@b.c", "x", "y", "z"), new UnsubscribeLinks(
                "https://portal.medicore.invalid/unsubscribe", "https://portal.medicore.invalid/u",
                (patient, channel, now) -> "A".repeat(56), CLOCK), CLOCK);
        for (Language language : Language.values()) {
            for (NotificationKind kind : NotificationKind.values()) {
                MessageContent content = switch (kind) {
                    case RESULTS_READY -> new MessageContent.ResultsReady(UUID.randomUUID());
                    case INVOICE_ISSUED -> new MessageContent.InvoiceDetails("2026-000123", Money.of(9_876_543, "EUR"),
                            LocalDate.of(2026, 9, 30));
                    default -> new MessageContent.AppointmentDetails(UUID.randomUUID(), wednesday,
                            wednesday.plusSeconds(1800), BERLIN, 1);
                };
                Notification sms = new Notification(UUID.randomUUID(), "k", UUID.randomUUID(), kind, Channel.SMS,
                        wednesday, content);

                String text = cloud.compose(sms, aRecipient().speaking(language).build()).shortText();

                assertThat(SmsSegments.isGsm7(text)).as("%s %s in the GSM alphabet: %s", kind, language, text).isTrue();
                assertThat(SmsSegments.of(text)).as("%s %s, %d characters: %s", kind, language, text.length(), text)
                        .isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void a_booking_shows_the_time_in_the_patients_zone_and_language() {
        ComposedMessage english = messages.compose(notification(NotificationKind.BOOKING_CONFIRMED),
                aRecipient().livingIn(ZoneId.of("Europe/London")).build());
        ComposedMessage german = messages.compose(notification(NotificationKind.BOOKING_CONFIRMED),
                aRecipient().speaking(Language.GERMAN).build());

        assertThat(english.text()).contains("Thursday, December 10, 2026").containsPattern("8:15[\\s\u202F]AM")
                .contains("Greenwich Mean Time");
        assertThat(german.text()).contains("Donnerstag, 10. Dezember 2026").contains("09:15")
                .contains("Mitteleuropäische Normalzeit");
        // the calendar entry stays in the practitioner's zone whatever the patient's
        assertThat(english.calendar().orElseThrow().text()).contains("DTSTART;TZID=Europe/Berlin:20261210T091500");
    }

    @Test
    void an_invoice_shows_the_amount_in_the_patients_format_and_how_to_pay() {
        Notification invoice = notification(NotificationKind.INVOICE_ISSUED);

        ComposedMessage english = messages.compose(invoice, aRecipient().build());
        ComposedMessage german = messages.compose(invoice, aRecipient().speaking(Language.GERMAN).build());

        assertThat(english.text()).contains("€1,234.50").contains("December 31, 2026").contains("DE89 3704 0044 0532 0130 00")
                .contains("Reference:      2026-000123");
        assertThat(german.text()).containsPattern("1\\.234,50[\\s\u00A0]€").contains("31. Dezember 2026")
                .contains("Verwendungszweck: 2026-000123");
    }

    @Test
    void an_amount_keeps_its_currencys_decimals() {
        Notification yen = new Notification(UUID.randomUUID(), "k", UUID.randomUUID(), NotificationKind.INVOICE_ISSUED,
                Channel.EMAIL, START, new MessageContent.InvoiceDetails("2026-000124", Money.of(5000, "JPY"),
                LocalDate.of(2026, 12, 31)));

        assertThat(messages.compose(yen, aRecipient().build()).text()).contains("¥5,000").doesNotContain("50.00");
    }

    @Test
    void html_escapes_what_it_inserts() {
        MustacheMessages odd = new MustacheMessages(new MustacheMessages.Clinic("Dr <b>Müller</b> & Partner",
                "http://localhost:4173", "a@b.c", "x", "y", "z"), new UnsubscribeLinks("http://x/unsubscribe", "http://x/u",
                TOKENS, CLOCK), CLOCK);

        ComposedMessage message = odd.compose(notification(NotificationKind.RESULTS_READY), aRecipient().build());

        assertThat(message.html()).contains("Dr &lt;b&gt;Müller&lt;/b&gt; &amp; Partner").doesNotContain("<b>Müller");
    }

    private static Set<String> allowed(String kind) {
        Set<String> allowed = new HashSet<>(EVERY_MESSAGE);
        allowed.addAll(ALLOWED.getOrDefault(kind, Set.of()));
        return allowed;
    }

    private static List<String> variables(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1).replaceFirst("^[#^/&]", ""));
        }
        return names;
    }

    private static Notification notification(NotificationKind kind) {
        return notification(kind, Channel.EMAIL);
    }

    private static Notification notification(NotificationKind kind, Channel channel) {
        MessageContent content = switch (kind) {
            case BOOKING_CONFIRMED, APPOINTMENT_MOVED, APPOINTMENT_CANCELLED, REMINDER ->
                    new MessageContent.AppointmentDetails(UUID.randomUUID(), START, START.plusSeconds(1800), BERLIN, 0);
            case RESULTS_READY -> new MessageContent.ResultsReady(UUID.randomUUID());
            case INVOICE_ISSUED -> new MessageContent.InvoiceDetails("2026-000123", Money.of(123450, "EUR"),
                    LocalDate.of(2026, 12, 31));
        };
        return new Notification(UUID.randomUUID(), kind + ":key", UUID.randomUUID(), kind, channel, START, content);
    }
}
