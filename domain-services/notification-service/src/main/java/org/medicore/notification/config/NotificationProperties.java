package org.medicore.notification.config;

import org.medicore.support.kafka.EventRetry;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Everything notification-service reads under medicore.notification; defaults in application.yaml.
 * {@code eventRetry}: how often a failing event is tried before it goes to the dead-letter topic.
 */
@ConfigurationProperties("medicore.notification")
public record NotificationProperties(Topics topics, EventRetry eventRetry, Delivery delivery, Reminders reminders,
                                     Clinic clinic, Mail mail, Sms sms, Payment payment,
                                     Security security, Unsubscribe unsubscribe) {

    /** Kafka topics consumed, and the dead-letter topic. */
    public record Topics(String patients, String appointments, String billing, String labs, String deadLetter) {
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

    /**
     * The sender of e-mail and who carries it: {@code smtp} (Spring's spring.mail.*, GreenMail on the local
     * stack) or {@code ses} (Amazon SES v2, {@link Ses}).
     */
    public record Mail(String from, String fromName, String provider, Ses ses) {

        public Mail {
            provider = oneOf(provider, "smtp", "mail.provider", "smtp", "ses");
            ses = ses == null ? new Ses(null, null, null) : ses;
        }
    }

    /**
     * Amazon SES v2: the region, an endpoint other than the region's (a VPC endpoint; the tests' stand-in)
     * and the configuration set whose event destinations record deliveries, bounces and complaints.
     * Credentials are the SDK's default chain (the pod's IAM role in the cloud).
     */
    public record Ses(String region, URI endpoint, String configurationSet) {
    }

    /**
     * How SMS go: {@code file} (the local channel, a file people read) or {@code sns} (Amazon SNS, {@link Sns}).
     */
    public record Sms(Path file, String provider, Sns sns) {

        public Sms {
            provider = oneOf(provider, "file", "sms.provider", "file", "sns");
            sns = sns == null ? new Sns(null, null, null, null) : sns;
        }
    }

    /**
     * Amazon SNS for SMS: the region, an endpoint other than the region's, the sender id phones show
     * where the country allows one (none: SNS's own number), and the SMS type ({@code Transactional}:
     * the route for messages a patient expects, also during quiet marketing hours).
     */
    public record Sns(String region, URI endpoint, String senderId, String smsType) {

        public Sns {
            smsType = smsType == null || smsType.isBlank() ? "Transactional" : smsType;
        }
    }

    private static String oneOf(String value, String byDefault, String name, String... allowed) {
        String chosen = value == null || value.isBlank() ? byDefault : value.trim().toLowerCase(Locale.ROOT);
        if (!List.of(allowed).contains(chosen)) {
            throw new IllegalArgumentException("medicore.notification." + name + " is " + value + "; one of "
                    + String.join(", ", allowed));
        }
        return chosen;
    }

    /** How to pay an invoice: the clinic's bank account. */
    public record Payment(String accountHolder, String iban, String bic) {
    }

    /**
     * The unsubscribe link every message carries: the page it opens ({@code url}, this service's own
     * HTTP server, reachable by patients without signing in), the HMAC secret its token is signed with
     * (at least 32 bytes; no default, so no deployment signs with a secret printed here), the secrets it
     * was signed with before ({@code previous-secrets}, still read so that a rotation breaks no link
     * already mailed; drop one once the links it signed have expired) and how long a link works. SMS carry the
     * same token on {@code sms-url} ({@code <sms-url>/<token>}; by default {@code /u} beside the page).
     */
    public record Unsubscribe(String url, String smsUrl, String secret, List<String> previousSecrets, Duration validity) {

        public Unsubscribe {
            previousSecrets = previousSecrets == null ? List.of() : List.copyOf(previousSecrets);
            // an SMS has no room for "unsubscribe?token=": the same token on the page's short path, <origin>/u/<token>
            smsUrl = (smsUrl == null || smsUrl.isBlank()) && url != null ? URI.create(url).resolve("u").toString() : smsUrl;
        }
    }

    /** Who signs the tokens of ListNotifications' callers, and the audience they must name. */
    public record Security(String issuer, String jwkSetUri, String audience) {
    }
}
