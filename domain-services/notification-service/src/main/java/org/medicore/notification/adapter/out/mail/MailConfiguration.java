package org.medicore.notification.adapter.out.mail;

import org.medicore.notification.config.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** E-mail over SMTP; the server is Spring Boot's spring.mail.* (GreenMail on the local stack). */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    @Bean
    SmtpMail smtpMail(JavaMailSenderImpl sender, NotificationProperties properties) {
        return new SmtpMail(sender, properties.mail().from(), properties.mail().fromName());
    }
}
