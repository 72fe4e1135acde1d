package org.medicore.notification.adapter.out.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.medicore.notification.application.port.out.ComposedMessage;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.DeliveryOutcome;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** E-mail over SMTP: the {@link MimeMail} handed to the server; its 5xx replies are final, the rest worth a retry. */
final class SmtpMail implements SendOnChannel {

    private final JavaMailSenderImpl sender;
    private final MimeMail mail;

    SmtpMail(JavaMailSenderImpl sender, String fromAddress, String fromName) {
        this.sender = sender;
        this.mail = new MimeMail(fromAddress, fromName, sender.getDefaultFileTypeMap());
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryOutcome send(String address, ComposedMessage message, String idempotencyKey) {
        try {
            sender.send(mail.compose(sender.getSession(), address, message, idempotencyKey));
            return new DeliveryOutcome.Delivered(MimeMail.messageIdOf(idempotencyKey));
        } catch (AddressException e) {
            return new DeliveryOutcome.PermanentFailure("not an e-mail address: " + e.getMessage());
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            return new DeliveryOutcome.PermanentFailure("message not composable: " + e.getMessage());
        } catch (MailException e) {
            return refusedForGood(e) ? new DeliveryOutcome.PermanentFailure("refused by the mail server: " + e.getMessage())
                    : new DeliveryOutcome.TemporaryFailure(e.getMessage());
        }
    }

    /** A 5xx reply to the address or the message: the server will say the same next time. */
    private static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof SMTPSendFailedException sending && sending.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof SendFailedException sendFailed && sendFailed.getNextException() != null
                    && refusedForGood(sendFailed.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
