package org.medicore.notification.adapter.out.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medicore.notification.adapter.out.aws.AwsClientConfiguration;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.domain.DeliveryOutcome;
import org.medicore.support.aws.AwsStandIn;
import org.medicore.support.aws.AwsStandIn.Response;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SES adapter against a stand-in of SES v2's endpoint (no SES runs here): what goes over the wire,
 * and how SES's answers become outcomes. Only a real AWS account shows SES takes the same.
 */
class SesMailTest {

    private static final String KEY = "BOOKING_CONFIRMED:6f1c2a4e-0000-4000-8000-000000000001:EMAIL";
    private static final ComposedMessage CONFIRMATION = new ComposedMessage("Your appointment on Thursday at 9:15",
            "Dear patient, your appointment is booked.", "<!DOCTYPE html><html lang=\"en\"><p>Booked.</p></html>",
            "booked", "https://portal.medicore.invalid/unsubscribe?token=abc",
            Optional.of(new ComposedMessage.CalendarFile("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n", "REQUEST")));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AwsStandIn ses = new AwsStandIn();
    private final SesV2Client client = AwsClientConfiguration.build(SesV2Client.builder(), "eu-central-1", ses.endpoint(),
            AwsStandIn.CREDENTIALS);
    private final SesMail mail = new SesMail(client, new MimeMail("appointments@medicore.invalid", "MediCore Clinic",
            new ConfigurableMimeFileTypeMap()), Optional.of("medicore-notifications"));

    @AfterEach
    void stop() {
        client.close();
        ses.close();
    }

    @Test
    void sends_the_mime_message_smtp_would_send_with_its_calendar_and_idempotency_key() throws Exception {
        ses.answer(request -> Response.json(200, "{\"MessageId\":\"0107019a-ses-message-id\"}"));

        DeliveryOutcome outcome = mail.send("alice@example.org", CONFIRMATION, KEY);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("0107019a-ses-message-id"));
        AwsStandIn.Request request = ses.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDSTANDIN/")
                .contains("/eu-central-1/ses/aws4_request");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.at("/FromEmailAddress").asString()).isEqualTo("MediCore Clinic <appointments@medicore.invalid>");
        assertThat(body.at("/Destination/ToAddresses/0").asString()).isEqualTo("alice@example.org");
        assertThat(body.at("/ConfigurationSetName").asString()).isEqualTo("medicore-notifications");
        assertThat(body.at("/EmailTags").toString())
                .contains("{\"Name\":\"idempotency-key\",\"Value\":\"" + MimeMail.digestOf(KEY) + "\"}")
                .contains("{\"Name\":\"medicore-message\",\"Value\":\"BOOKING_CONFIRMED\"}");

        MimeMessage sent = rawMailOf(body);
        assertThat(sent.getSubject()).isEqualTo("Your appointment on Thursday at 9:15");
        assertThat(sent.getAllRecipients()).extracting(Object::toString).containsExactly("alice@example.org");
        assertThat(sent.getMessageID()).isEqualTo(MimeMail.messageIdOf(KEY));
        assertThat(sent.getHeader(MimeMail.IDEMPOTENCY_HEADER, null)).isEqualTo(KEY);
        assertThat(sent.getHeader("List-Unsubscribe", null)).isEqualTo("<https://portal.medicore.invalid/unsubscribe?token=abc>");
        assertThat(sent.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        List<Part> parts = leaves(sent);
        assertThat(parts).anySatisfy(part -> {
            assertThat(part.isMimeType("text/plain")).isTrue();
            assertThat(part.getContent()).isEqualTo("Dear patient, your appointment is booked.");
        });
        assertThat(parts).anySatisfy(part -> assertThat(part.isMimeType("text/html")).isTrue());
        assertThat(parts).anySatisfy(part -> {
            assertThat(part.getFileName()).isEqualTo("invite.ics");
            assertThat(part.getContentType()).contains("text/calendar").contains("method=REQUEST");
            assertThat(part.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
            try (InputStream in = part.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("METHOD:REQUEST\r\n");
            }
        });
    }

    @Test
    void a_retried_send_is_recognisable_by_the_same_message_id_and_tag() throws Exception {
        ses.answer(request -> Response.json(200, "{\"MessageId\":\"m\"}"));

        mail.send("alice@example.org", CONFIRMATION, KEY);
        mail.send("alice@example.org", CONFIRMATION, KEY);

        List<String> tags = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        for (AwsStandIn.Request request : ses.requests()) {
            JsonNode body = JSON.readTree(request.body());
            tags.add(body.at("/EmailTags/0/Value").asString());
            messageIds.add(rawMailOf(body).getMessageID());
        }
        assertThat(tags).hasSize(2).containsOnly(MimeMail.digestOf(KEY));
        assertThat(messageIds).hasSize(2).containsOnly(MimeMail.messageIdOf(KEY));
    }

    @Test
    void throttling_a_full_quota_a_paused_account_and_5xx_are_tried_again() {
        for (Response answer : List.of(
                Response.jsonError(429, "TooManyRequestsException", "Too many requests."),
                Response.jsonError(400, "LimitExceededException", "Daily message quota exceeded."),
                Response.jsonError(400, "SendingPausedException", "Sending paused for this account."),
                Response.jsonError(500, "InternalFailure", "We encountered an internal error."),
                Response.jsonError(503, "ServiceUnavailable", "Service unavailable."))) {
            ses.answer(request -> answer);

            DeliveryOutcome outcome = mail.send("alice@example.org", CONFIRMATION, KEY);

            assertThat(outcome).as(answer.headers().get("x-amzn-ErrorType"))
                    .isInstanceOf(DeliveryOutcome.TemporaryFailure.class);
        }
    }

    @Test
    void an_address_ses_rejects_fails_for_good_with_its_reason() {
        ses.answer(request -> Response.jsonError(400, "MessageRejected",
                "Email address is not verified. The following identities failed the check: bob@example.org"));

        DeliveryOutcome outcome = mail.send("bob@example.org", CONFIRMATION, KEY);

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.PermanentFailure.class, failure ->
                assertThat(failure.reason()).startsWith("refused by SES: SES 400 MessageRejected: ")
                        .contains("Email address is not verified"));
    }

    @Test
    void a_malformed_address_fails_for_good_without_asking_ses() {
        DeliveryOutcome outcome = mail.send("not an address@", CONFIRMATION, KEY);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.PermanentFailure.class);
        assertThat(ses.requests()).isEmpty();
    }

    @Test
    void ses_out_of_reach_is_tried_again() {
        try (SesV2Client unreachable = AwsClientConfiguration.build(SesV2Client.builder(), "eu-central-1",
                URI.create("http://127.0.0.1:1"), AwsStandIn.CREDENTIALS)) {
            SesMail cut = new SesMail(unreachable, new MimeMail("a@b.c", "x", new ConfigurableMimeFileTypeMap()),
                    Optional.empty());

            assertThat(cut.send("alice@example.org", CONFIRMATION, KEY)).isInstanceOf(DeliveryOutcome.TemporaryFailure.class);
        }
    }

    private static MimeMessage rawMailOf(JsonNode body) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(Base64.getDecoder().decode(body.at("/Content/Raw/Data").asString())));
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }
}
