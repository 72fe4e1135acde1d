package org.medicore.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Everything notification-service reads under medicore.notification; defaults in application.yaml. */
@ConfigurationProperties("medicore.notification")
public record NotificationProperties(Topics topics, Retry eventRetry, Delivery delivery, Reminders reminders,
                                     Clinic clinic, Mail mail, Sms sms, Payment payment,
                                     Security security, Unsubscribe unsubscribe) {

    /** Kafka topics consumed, and the dead-letter topic. */
    public record Topics(String patients, String appointments, String billing, String labs, String deadLetter) {
    }

    /** How often a failing event is tried again before it goes to the dead-letter topic. */
    public record Retry(int attempts, Duration interval) {
    }

    /** The delivery round: how often, how many per transaction, and how providers' failures are retried. */
    public record Delivery(Duration pollInterval, int batchSize, int maxAttempts, Duration firstRetryDelay,
                           Duration maxRetryDelay) {
    }

    /** How long before a visit reminders go out. */
    public record Reminders(List<Duration> leadTimes) {
    }

    /** The clinic as the messages name it; its zone stands in for an unknown patient's or practitioner's. */
    public record Clinic(String name, ZoneId zone, String portalUrl) {
    }

    /** The sender of e-mail (SMTP settings are Spring's spring.mail.*). */
    public record Mail(String from, String fromName) {
    }

    /** The local SMS channel: a file people read. */
    public record Sms(Path file) {
    }

    /** How to pay an invoice: the clinic's bank account. */
    public record Payment(String accountHolder, String iban, String bic) {
    }

    /**
     * The unsubscribe link every message carries: the page it opens ({@code url}, this service's own
     * HTTP server, reachable by patients without signing in), the HMAC secret its token is signed with
     * (at least 32 bytes; no default, so no deployment signs with a secret printed here), the secrets it
     * was signed with before ({@code previous-secrets}, still read so that a rotation breaks no link
     * already mailed; drop one once the links it signed have expired) and how long a link works.
     */
    public record Unsubscribe(String url, String secret, List<String> previousSecrets, Duration validity) {

        public Unsubscribe {
            previousSecrets = previousSecrets == null ? List.of() : List.copyOf(previousSecrets);
        }
    }

    /** Who signs the tokens of ListNotifications' callers, and the audience they must name. */
    public record Security(String issuer, String jwkSetUri, String audience) {
    }
}
