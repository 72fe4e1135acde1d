package org.medicore.notification.adapter.out;

import org.junit.jupiter.api.Test;
import org.medicore.notification.adapter.out.aws.AwsClientConfiguration;
import org.medicore.notification.adapter.out.mail.MailConfiguration;
import org.medicore.notification.adapter.out.sms.SmsConfiguration;
import org.medicore.notification.application.port.out.SendOnChannel;
import org.medicore.notification.config.NotificationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Which adapter carries each channel, as medicore.notification.mail.provider and sms.provider say. */
class ChannelProvidersTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotificationProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, AwsClientConfiguration.class, MailConfiguration.class,
                    SmsConfiguration.class)
            .withBean(JavaMailSenderImpl.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues("medicore.notification.mail.from=appointments@medicore.local",
                    "medicore.notification.sms.file=target/sms/outbox.txt",
                    // the SDK's default credentials are looked up when a call is made, not when the client is built
                    "medicore.notification.mail.ses.region=eu-central-1", "medicore.notification.sms.sns.region=eu-central-1");

    @Test
    void smtp_and_the_sms_file_unless_configured_otherwise() {
        service.run(context -> assertThat(context.getBeansOfType(SendOnChannel.class).values())
                .extracting(channel -> channel.getClass().getSimpleName())
                .containsExactlyInAnyOrder("SmtpMail", "SmsFile"));
    }

    @Test
    void ses_and_sns_when_chosen() {
        service.withPropertyValues("medicore.notification.mail.provider=ses", "medicore.notification.sms.provider=SNS")
                .run(context -> assertThat(context.getBeansOfType(SendOnChannel.class).values())
                        .extracting(channel -> channel.getClass().getSimpleName())
                        .containsExactlyInAnyOrder("SesMail", "SnsSms"));
    }

    @Test
    void a_provider_there_is_none_of_stops_the_start_with_the_choices() {
        service.withPropertyValues("medicore.notification.mail.provider=sendgrid")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("medicore.notification.mail.provider is sendgrid; one of smtp, ses"));
    }
}
