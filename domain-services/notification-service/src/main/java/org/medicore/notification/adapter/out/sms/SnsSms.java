package org.medicore.notification.adapter.out.sms;

import org.medicore.notification.adapter.out.aws.AwsClientConfiguration;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.DeliveryOutcome;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.SnsException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SMS through Amazon SNS: {@code Publish} to the phone number with the SMS type (transactional) and, where
 * configured, the sender id. SNS has no idempotency for SMS (deduplication ids are for FIFO topics only):
 * a resend after a crash is one more SMS, as the service's README says. A number that has opted out of SMS
 * (the patient replied STOP) is asked first ({@code CheckIfPhoneNumberIsOptedOut}): SNS would take the message
 * and drop it. Throttling and 5xx are worth a retry; a number SNS refuses, or an opted-out one, is final.
 */
final class SnsSms implements SendOnChannel {

    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
    static final String SENDER_ID = "AWS.SNS.SMS.SenderID";

    private final SnsClient sns;
    private final Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();

    SnsSms(SnsClient sns, String smsType, Optional<String> senderId) {
        this.sns = sns;
        attributes.put(SMS_TYPE, text(smsType));
        senderId.ifPresent(id -> attributes.put(SENDER_ID, text(id)));
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public DeliveryOutcome send(String address, ComposedMessage message, String idempotencyKey) {
        if (!PhoneNumbers.isE164(address)) {
            return new DeliveryOutcome.PermanentFailure("not a phone number in E.164 form");
        }
        PublishRequest request = PublishRequest.builder()
                .phoneNumber(address)
                .message(message.shortText())
                .messageAttributes(attributes)
                .build();
        try {
            // SNS takes a Publish to an opted-out number and drops it, saying so only in its delivery logs
            if (sns.checkIfPhoneNumberIsOptedOut(ask -> ask.phoneNumber(address)).isOptedOut()) {
                return new DeliveryOutcome.PermanentFailure("the number has opted out of SMS (replied STOP)");
            }
            return new DeliveryOutcome.Delivered(sns.publish(request).messageId());
        } catch (SnsException e) {
            String reason = AwsClientConfiguration.reasonOf("SNS", e);
            return e.isThrottlingException() || e.statusCode() >= 500 ? new DeliveryOutcome.TemporaryFailure(reason)
                    : new DeliveryOutcome.PermanentFailure("refused by SNS: " + reason);
        } catch (SdkClientException e) {
            return new DeliveryOutcome.TemporaryFailure("SNS not reached: " + e.getMessage());
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
