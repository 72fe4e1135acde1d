package org.medicore.notification.adapter.out.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.medicore.notification.adapter.out.aws.AwsClientConfiguration;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.DeliveryOutcome;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

/**
 * E-mail through Amazon SES v2 ({@code SendEmail} with raw content): the same {@link MimeMail} as SMTP
 * sends, calendar part and unsubscribe headers included. SES has no idempotency token for sending; the
 * message carries its key in a header and, as the tag {@code idempotency-key} (digest: tags allow no
 * colons), in the events the configuration set publishes, so a resend after a crash is recognisable there.
 * Throttling, sending quotas, a paused or suspended account and 5xx are worth a retry (they are not
 * about this message); any other refusal (an address SES rejects, an unverified sender) is final.
 */
final class SesMail implements SendOnChannel {

    static final String IDEMPOTENCY_TAG = "idempotency-key";
    static final String KIND_TAG = "medicore-message";

    private final SesV2Client ses;
    private final MimeMail mail;
    private final Optional<String> configurationSet;
    // composing needs a session, sending does not: SES takes the bytes
    private final Session session = Session.getInstance(new Properties());

    SesMail(SesV2Client ses, MimeMail mail, Optional<String> configurationSet) {
        this.ses = ses;
        this.mail = mail;
        this.configurationSet = configurationSet;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryOutcome send(String address, ComposedMessage message, String idempotencyKey) {
        byte[] raw;
        try {
            raw = bytesOf(mail.compose(session, address, message, idempotencyKey));
        } catch (AddressException e) {
            return new DeliveryOutcome.PermanentFailure("not an e-mail address: " + e.getMessage());
        } catch (MessagingException | IOException e) {
            return new DeliveryOutcome.PermanentFailure("message not composable: " + e.getMessage());
        }
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(mail.from().toString())
                .destination(Destination.builder().toAddresses(address).build())
                .content(EmailContent.builder().raw(RawMessage.builder().data(SdkBytes.fromByteArray(raw)).build()).build())
                .emailTags(MessageTag.builder().name(IDEMPOTENCY_TAG).value(MimeMail.digestOf(idempotencyKey)).build(),
                        MessageTag.builder().name(KIND_TAG).value(kindOf(idempotencyKey)).build());
        configurationSet.ifPresent(request::configurationSetName);
        try {
            return new DeliveryOutcome.Delivered(ses.sendEmail(request.build()).messageId());
        } catch (SesV2Exception e) {
            String reason = AwsClientConfiguration.reasonOf("SES", e);
            return worthRetrying(e) ? new DeliveryOutcome.TemporaryFailure(reason)
                    : new DeliveryOutcome.PermanentFailure("refused by SES: " + reason);
        } catch (SdkClientException e) {
            return new DeliveryOutcome.TemporaryFailure("SES not reached: " + e.getMessage());
        }
    }

    private static boolean worthRetrying(SesV2Exception e) {
        return e.isThrottlingException() || e.statusCode() >= 500 || e instanceof LimitExceededException
                || e instanceof SendingPausedException || e instanceof AccountSuspendedException;
    }

    /** The kind, the key's first part (BOOKING_CONFIRMED:...), in a tag's alphabet: sends per kind in SES's metrics. */
    private static String kindOf(String idempotencyKey) {
        int colon = idempotencyKey.indexOf(':');
        return (colon < 0 ? idempotencyKey : idempotencyKey.substring(0, colon)).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static byte[] bytesOf(MimeMessage mime) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mime.writeTo(out);
        return out.toByteArray();
    }
}
