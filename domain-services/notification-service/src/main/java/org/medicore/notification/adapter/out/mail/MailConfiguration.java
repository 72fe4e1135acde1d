package org.medicore.notification.adapter.out.mail;

import org.medicore.notification.config.NotificationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.util.Optional;

/**
 * E-mail by medicore.notification.mail.provider: over SMTP (smtp, the default; the server is Spring
 * Boot's spring.mail.*, GreenMail on the local stack) or through Amazon SES v2 (ses).
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    @Bean
    @ConditionalOnProperty(name = "medicore.notification.mail.provider", havingValue = "smtp", matchIfMissing = true)
    SmtpMail smtpMail(JavaMailSenderImpl sender, NotificationProperties properties) {
        return new SmtpMail(sender, properties.mail().from(), properties.mail().fromName());
    }

    @Bean
    @ConditionalOnProperty(name = "medicore.notification.mail.provider", havingValue = "ses")
    SesMail sesMail(SesV2Client ses, NotificationProperties properties) {
        NotificationProperties.Mail mail = properties.mail();
        return new SesMail(ses, new MimeMail(mail.from(), mail.fromName(), new ConfigurableMimeFileTypeMap()),
                Optional.ofNullable(mail.ses().configurationSet()).filter(set -> !set.isBlank()));
    }
}
