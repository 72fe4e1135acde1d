package org.medicore.notification;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.notification.v1.ChannelConsent;
import org.medicore.contracts.notification.v1.ConsentSource;
import org.medicore.contracts.notification.v1.ConsentState;
import org.medicore.contracts.notification.v1.GetMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.MessagePreferences;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesRequest;
import org.medicore.notification.application.port.out.IssueUnsubscribeTokens;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.Language;
import org.medicore.notification.support.Correspondence;
import org.medicore.notification.support.EventStream;
import org.medicore.notification.support.Inbox;
import org.medicore.notification.support.MovableClock;
import org.medicore.notification.support.PatientRecords;
import org.medicore.notification.support.CallingTheService;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.protobuf.FieldMask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT_HISTORY;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.RECIPIENT;
import static org.medicore.notification.support.EventStream.invoiceIssued;
import static org.medicore.notification.support.EventStream.registered;

/**
 * Consent and the unsubscribe link, from the real topics to a mailbox read over IMAP and the link
 * followed over HTTP as a browser or a mail program would: no mail before the patient consents, none
 * after they unsubscribed, and every message not sent visible with its reason.
 */
class ConsentFlowTest extends CallingTheService {

    private static final EventStream events = new EventStream();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/unsubscribe\\?token=([A-Za-z0-9_-]+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    DSLContext db;

    @Autowired
    MovableClock clock;

    @Autowired
    PatientRecords records;

    /** The service's own signer: links as its mails carry them, issued at any time the test likes. */
    @Autowired
    IssueUnsubscribeTokens tokens;

    @BeforeEach
    void setTheClock() {
        clock.set(berlin("2026-12-02T11:00"));
    }

    @AfterAll
    static void closeStream() {
        events.close();
    }

    @Test
    void a_patient_who_follows_the_unsubscribe_link_of_a_mail_gets_no_more_mail_and_staff_see_why() throws Exception {
        Correspondence correspondence = new Correspondence(events, records, db);
        UUID patient = correspondence.aRegisteredPatient("leaving");
        Inbox inbox = Inbox.of(MAIL, "leaving-" + patient + "@example.org");
        UUID appointment = correspondence.aConfirmedBooking(patient, berlin("2026-12-09T11:00"));

        Inbox.Mail confirmation = await().atMost(PATIENCE).until(inbox::read, mails -> mails.size() == 1).getFirst();
        String link = linkIn(confirmation.text());
        assertThat(confirmation.html()).contains("href=\"" + link + "\"");
        assertThat(confirmation.listUnsubscribe()).contains("<" + link + ">");

        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), body());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("lang=\"en\"").contains("<form method=\"post\" action=\"" + page() + "\">")
                .contains("Unsubscribe from e-mail");
        assertThat(asked.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        // looking is not unsubscribing: mail scanners follow links
        assertThat(consentState(patient, Channel.EMAIL)).isEqualTo("GIVEN");

        HttpResponse<String> done = postForm(tokenOf(link));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed").contains("no more messages by e-mail");

        String why = "the patient withdrew consent to EMAIL messages on 2026-12-02 (unsubscribe link)";
        assertThat(db.select(NOTIFICATION.STATUS, NOTIFICATION.LAST_ERROR).from(NOTIFICATION)
                .where(NOTIFICATION.APPOINTMENT_ID.eq(appointment).and(NOTIFICATION.KIND.eq("REMINDER")))
                .fetch().map(row -> row.value1() + ": " + row.value2()))
                .containsExactly("WITHDRAWN: " + why, "WITHDRAWN: " + why);

        events.send(invoiceIssued(patient, 12050, "EUR"));
        await().atMost(PATIENCE).until(() -> db.fetchExists(NOTIFICATION, NOTIFICATION.PATIENT_ID.eq(patient)
                .and(NOTIFICATION.KIND.eq("INVOICE_ISSUED")).and(NOTIFICATION.STATUS.eq("WITHDRAWN"))
                .and(NOTIFICATION.LAST_ERROR.eq(why))));
        assertThat(inbox.read()).hasSize(1);

        MessagePreferences preferences = asPatient(patient).getMessagePreferences(
                GetMessagePreferencesRequest.newBuilder().setPatientId(patient.toString()).build()).getPreferences();
        assertThat(consentOn(preferences, NotificationChannel.EMAIL)).satisfies(consent -> {
            assertThat(consent.getState()).isEqualTo(ConsentState.CONSENT_WITHDRAWN);
            assertThat(consent.getSource()).isEqualTo(ConsentSource.UNSUBSCRIBE_LINK);
        });

        // a second click keeps the first withdrawal and its time
        Instant withdrawnAt = db.select(CHANNEL_CONSENT.CHANGED_AT).from(CHANNEL_CONSENT)
                .where(CHANNEL_CONSENT.PATIENT_ID.eq(patient)).fetchOne(CHANNEL_CONSENT.CHANGED_AT).toInstant();
        clock.set(berlin("2026-12-03T11:00"));
        assertThat(postForm(tokenOf(link)).statusCode()).isEqualTo(200);
        assertThat(db.select(CHANNEL_CONSENT.CHANGED_AT).from(CHANNEL_CONSENT)
                .where(CHANNEL_CONSENT.PATIENT_ID.eq(patient)).fetchOne(CHANNEL_CONSENT.CHANGED_AT).toInstant())
                .isEqualTo(withdrawnAt);

        // what the clinic can show of the patient's consent: given on the profile, withdrawn by the link, once
        assertThat(db.select(CHANNEL_CONSENT_HISTORY.CHANNEL, CHANNEL_CONSENT_HISTORY.STATE, CHANNEL_CONSENT_HISTORY.SOURCE,
                        CHANNEL_CONSENT_HISTORY.CHANGED_AT)
                .from(CHANNEL_CONSENT_HISTORY).where(CHANNEL_CONSENT_HISTORY.PATIENT_ID.eq(patient)).orderBy(CHANNEL_CONSENT_HISTORY.ID)
                .fetch().map(row -> row.value1() + " " + row.value2() + " " + row.value3() + " " + row.value4().toInstant()))
                .containsExactly("EMAIL GIVEN PATIENT 2026-01-01T00:00:00Z", "EMAIL WITHDRAWN UNSUBSCRIBE_LINK " + withdrawnAt);
        assertThatThrownBy(() -> db.deleteFrom(CHANNEL_CONSENT_HISTORY).where(CHANNEL_CONSENT_HISTORY.PATIENT_ID.eq(patient)).execute())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.update(CHANNEL_CONSENT_HISTORY).set(CHANNEL_CONSENT_HISTORY.STATE, "GIVEN")
                .where(CHANNEL_CONSENT_HISTORY.PATIENT_ID.eq(patient)).execute()).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void the_first_mail_goes_only_after_the_patient_consented_on_the_profile() {
        UUID patient = UUID.randomUUID();
        Inbox inbox = Inbox.of(MAIL, "asking-" + patient + "@example.org");
        records.record(patient, inbox.address(), "+4930555200");
        events.send(registered(patient));
        await().atMost(PATIENCE).until(() -> db.fetchExists(RECIPIENT, RECIPIENT.PATIENT_ID.eq(patient)));

        events.send(invoiceIssued(patient, 5000, "EUR"));
        await().atMost(PATIENCE).until(() -> db.fetchExists(NOTIFICATION, NOTIFICATION.PATIENT_ID.eq(patient)
                .and(NOTIFICATION.STATUS.eq("WITHDRAWN")).and(NOTIFICATION.LAST_ERROR.eq("no consent to EMAIL messages"))));
        assertThat(inbox.read()).isEmpty();

        MessagePreferences consented = asPatient(patient).updateMessagePreferences(UpdateMessagePreferencesRequest
                .newBuilder().setPatientId(patient.toString())
                .setUpdateMask(FieldMask.newBuilder().addPaths("consented_channels"))
                .addConsentedChannels(NotificationChannel.EMAIL).build()).getPreferences();
        assertThat(consentOn(consented, NotificationChannel.EMAIL)).satisfies(consent -> {
            assertThat(consent.getState()).isEqualTo(ConsentState.CONSENT_GIVEN);
            assertThat(consent.getSource()).isEqualTo(ConsentSource.PATIENT);
        });
        assertThat(consentOn(consented, NotificationChannel.SMS).getState()).isEqualTo(ConsentState.CONSENT_NOT_GIVEN);

        events.send(invoiceIssued(patient, 7000, "EUR"));
        List<Inbox.Mail> mails = await().atMost(PATIENCE).until(inbox::read, read -> !read.isEmpty());
        assertThat(mails).singleElement().satisfies(mail -> assertThat(mail.subject()).startsWith("Invoice"));
    }

    @Test
    void a_mail_programs_one_click_unsubscribe_withdraws_the_consent() throws Exception {
        UUID patient = new Correspondence(events, records, db).aRegisteredPatient("one-click");
        String token = tokens.issue(patient, Channel.EMAIL, clock.instant());

        // RFC 8058: the link of List-Unsubscribe, POSTed with this body
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(page() + "?token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), body());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(consentState(patient, Channel.EMAIL)).isEqualTo("WITHDRAWN");
    }

    @Test
    void a_forged_changed_cut_or_expired_link_is_refused_plainly_and_changes_nothing() throws Exception {
        UUID patient = UUID.randomUUID();
        Correspondence.consentTo(db, patient, Channel.EMAIL);
        records.record(patient, "staying-" + patient + "@example.org", "+4930555300", Language.GERMAN);
        events.send(registered(patient));
        await().atMost(PATIENCE).until(() -> db.fetchExists(RECIPIENT, RECIPIENT.PATIENT_ID.eq(patient)));
        String good = tokens.issue(patient, Channel.EMAIL, clock.instant());

        HttpResponse<String> expired = postForm(tokens.issue(patient, Channel.EMAIL, clock.instant().minus(Duration.ofDays(91))));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("lang=\"de\"").contains("Dieser Link ist abgelaufen");

        // the same patient and channel under a signature of someone else's making
        String forged = good.substring(0, 36) + "forgedforgedforgedfo";
        char last = good.charAt(good.length() - 1);
        String changed = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String refused : List.of(forged, changed, good.substring(0, 40), good + "A", "", "\u0000\u0001" + good,
                good.replace(good.charAt(10), '\u007f'))) {
            HttpResponse<String> answer = postForm(refused);
            assertThat(answer.statusCode()).as(refused).isEqualTo(400);
            assertThat(answer.body()).contains("lang=\"en\"").contains("This link is not valid")
                    .doesNotContain(patient.toString());
        }
        HttpResponse<String> inGerman = http.send(HttpRequest.newBuilder(URI.create(page() + "?token=" + forged))
                .header("Accept-Language", "fr-CH, de;q=0.8, en;q=0.5").GET().build(), body());
        assertThat(inGerman.statusCode()).isEqualTo(400);
        assertThat(inGerman.body()).contains("Dieser Link ist ungültig");
        HttpResponse<String> without = http.send(HttpRequest.newBuilder(URI.create(page())).GET().build(), body());
        assertThat(without.statusCode()).isEqualTo(400);

        assertThat(consentState(patient, Channel.EMAIL)).isEqualTo("GIVEN");
    }

    private HttpResponse<String> postForm(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(page()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), body());
    }

    private static String page() {
        return "http://127.0.0.1:" + HTTP_PORT + "/unsubscribe";
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static String linkIn(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("an unsubscribe link in %s", text).isTrue();
        assertThat(Integer.parseInt(link.group(1))).isEqualTo(HTTP_PORT);
        return link.group();
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private String consentState(UUID patient, Channel channel) {
        return db.select(CHANNEL_CONSENT.STATE).from(CHANNEL_CONSENT).where(CHANNEL_CONSENT.PATIENT_ID.eq(patient))
                .and(CHANNEL_CONSENT.CHANNEL.eq(channel.name())).fetchOne(CHANNEL_CONSENT.STATE);
    }

    private static ChannelConsent consentOn(MessagePreferences preferences, NotificationChannel channel) {
        return preferences.getConsentsList().stream().filter(consent -> consent.getChannel() == channel).findFirst()
                .orElseThrow();
    }

    private NotificationServiceGrpc.NotificationServiceBlockingStub asPatient(UUID patient) {
        return as(patient.toString(), "PATIENT");
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }
}
