package org.medicore.notification.adapter.out.sms;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medicore.notification.adapter.out.aws.AwsClientConfiguration;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.domain.DeliveryOutcome;
import org.medicore.support.aws.AwsStandIn;
import org.medicore.support.aws.AwsStandIn.Response;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SNS adapter against a stand-in of SNS's endpoint (no SNS runs here): the Publish as it goes over the
 * wire, the opt-out check before it, and how SNS's answers become outcomes. Only a real AWS account
 * shows SNS takes the same and a phone receives it.
 */
class SnsSmsTest {

    private static final String SMS_TEXT = "MediCore Clinic: reminder of your appointment on Thursday, December 10, 2026"
            + " at 9:15 AM. Stop SMS: https://portal.medicore.invalid/u/AQ-VCQj2KUtXkVR3NnClHIZF";
    private static final ComposedMessage REMINDER = new ComposedMessage("s", "t", "<html></html>", SMS_TEXT,
            "https://portal.medicore.invalid/unsubscribe?token=x", Optional.empty());
    private static final String PUBLISHED = """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult>\
            <MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>\
            <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata></PublishResponse>""";

    private final AwsStandIn sns = new AwsStandIn();
    private final SnsClient client = AwsClientConfiguration.build(SnsClient.builder(), "eu-central-1", sns.endpoint(),
            AwsStandIn.CREDENTIALS);
    private final SnsSms sms = new SnsSms(client, "Transactional", Optional.of("MediCore"));

    @AfterEach
    void stop() {
        client.close();
        sns.close();
    }

    @Test
    void publishes_the_text_to_the_number_as_a_transactional_sms_with_the_sender_id() {
        answering(false, Response.xml(200, PUBLISHED));

        DeliveryOutcome outcome = sms.send("+4930123456", REMINDER, "REMINDER:k:SMS");

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("567910cd-659e-55d4-8ccb-5aaf14679dc0"));
        List<AwsStandIn.Request> requests = sns.requests();
        assertThat(requests).extracting(request -> request.form().get("Action"))
                .containsExactly("CheckIfPhoneNumberIsOptedOut", "Publish");
        assertThat(requests.getFirst().form()).containsEntry("phoneNumber", "+4930123456");
        AwsStandIn.Request publish = requests.get(1);
        assertThat(publish.header("Authorization")).contains("/eu-central-1/sns/aws4_request");
        assertThat(publish.form())
                .containsEntry("Version", "2010-03-31")
                .containsEntry("PhoneNumber", "+4930123456")
                .containsEntry("Message", SMS_TEXT)
                .doesNotContainKey("TopicArn");
        assertThat(attributes(publish.form())).isEqualTo(Map.of(
                "AWS.SNS.SMS.SMSType", "String:Transactional",
                "AWS.SNS.SMS.SenderID", "String:MediCore"));
    }

    @Test
    void a_number_that_replied_stop_fails_for_good_and_is_not_published_to() {
        answering(true, Response.xml(200, PUBLISHED));

        DeliveryOutcome outcome = sms.send("+4930123456", REMINDER, "REMINDER:k:SMS");

        assertThat(outcome).isEqualTo(new DeliveryOutcome.PermanentFailure("the number has opted out of SMS (replied STOP)"));
        assertThat(sns.requests()).extracting(request -> request.form().get("Action"))
                .containsExactly("CheckIfPhoneNumberIsOptedOut");
    }

    @Test
    void throttling_and_5xx_are_tried_again() {
        for (Response answer : List.of(
                Response.xmlError(429, "Throttled", "Rate exceeded"),
                Response.xmlError(400, "Throttling", "Rate exceeded"),
                Response.xmlError(500, "InternalError", "Internal error"))) {
            answering(false, answer);

            assertThat(sms.send("+4930123456", REMINDER, "REMINDER:k:SMS")).as(answer.body())
                    .isInstanceOf(DeliveryOutcome.TemporaryFailure.class);
        }
    }

    @Test
    void a_number_sns_refuses_fails_for_good_with_its_reason() {
        answering(false, Response.xmlError(400, "InvalidParameter",
                "Invalid parameter: PhoneNumber Reason: +4930123456 is not valid to publish to"));

        DeliveryOutcome outcome = sms.send("+4930123456", REMINDER, "REMINDER:k:SMS");

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.PermanentFailure.class, failure ->
                assertThat(failure.reason()).isEqualTo("refused by SNS: SNS 400 InvalidParameter: "
                        + "Invalid parameter: PhoneNumber Reason: +4930123456 is not valid to publish to"));
    }

    @Test
    void a_number_not_in_e164_form_fails_for_good_without_asking_sns() {
        assertThat(sms.send("030 123456", REMINDER, "REMINDER:k:SMS")).isInstanceOf(DeliveryOutcome.PermanentFailure.class);
        assertThat(sns.requests()).isEmpty();
    }

    private void answering(boolean optedOut, Response toPublish) {
        sns.answer(request -> switch (request.form().get("Action")) {
            case "CheckIfPhoneNumberIsOptedOut" -> Response.xml(200, """
                    <CheckIfPhoneNumberIsOptedOutResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">\
                    <CheckIfPhoneNumberIsOptedOutResult><isOptedOut>%s</isOptedOut></CheckIfPhoneNumberIsOptedOutResult>\
                    <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></CheckIfPhoneNumberIsOptedOutResponse>"""
                    .formatted(optedOut));
            case "Publish" -> toPublish;
            default -> Response.xmlError(400, "InvalidAction", "unexpected");
        });
    }

    /** MessageAttributes.entry.N.{Name, Value.DataType, Value.StringValue} as name -> "type:value". */
    private static Map<String, String> attributes(Map<String, String> form) {
        Map<String, String> attributes = new HashMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String entry = "MessageAttributes.entry." + n;
            attributes.put(form.get(entry + ".Name"),
                    form.get(entry + ".Value.DataType") + ":" + form.get(entry + ".Value.StringValue"));
        }
        return attributes;
    }
}
