package org.medicore.notification.adapter.out.token;

import org.medicore.notification.application.port.out.IssueUnsubscribeTokens;
import org.medicore.notification.application.port.out.ReadUnsubscribeTokens;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.UnsubscribeToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues and reads the token of an unsubscribe link, which works without signing in: the patient,
 * the channel and the expiry, signed with HMAC-SHA256 under the service's secret, so nobody can
 * make one for another patient or channel, or stretch its life. 56 URL-safe characters: a version
 * byte, the patient id, the channel, the expiry (epoch seconds) and the first 16 bytes of the MAC
 * (RFC 2104 allows truncating to half the hash), short enough for an SMS.
 */
final class HmacUnsubscribeTokens implements IssueUnsubscribeTokens, ReadUnsubscribeTokens {

    /** The shortest secret accepted: 256 bits, the MAC's own strength. */
    static final int MIN_SECRET_BYTES = 32;
    static final int LENGTH = 56;

    private static final byte VERSION = 1;
    private static final int PAYLOAD_BYTES = 1 + 16 + 1 + 8;
    private static final int MAC_BYTES = 16;
    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration validity;

    HmacUnsubscribeTokens(String secret, Duration validity) {
        Objects.requireNonNull(secret, "secret");
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the unsubscribe secret must have at least " + MIN_SECRET_BYTES
                    + " bytes, it has " + bytes.length);
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("an unsubscribe link must be valid for a while, not " + validity);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.validity = validity;
    }

    @Override
    public String issue(UUID patientId, Channel channel, Instant now) {
        return write(new UnsubscribeToken(patientId, channel, now.plus(validity)));
    }

    String write(UnsubscribeToken token) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES)
                .put(VERSION)
                .putLong(token.patientId().getMostSignificantBits())
                .putLong(token.patientId().getLeastSignificantBits())
                .put(code(token.channel()))
                .putLong(token.expiresAt().getEpochSecond());
        payload.put(mac(Arrays.copyOf(payload.array(), PAYLOAD_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    @Override
    public Reading read(String text, Instant now) {
        if (text == null || !ALPHABET.matcher(text).matches()) {
            return new Reading.Malformed();
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (bytes.length != PAYLOAD_BYTES + MAC_BYTES || bytes[0] != VERSION) {
            return new Reading.Malformed();
        }
        byte[] expected = mac(Arrays.copyOf(bytes, PAYLOAD_BYTES));
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length))) {
            return new Reading.Forged();
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes, 1, PAYLOAD_BYTES - 1);
        UUID patientId = new UUID(payload.getLong(), payload.getLong());
        byte channelCode = payload.get();
        Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
        Channel channel = channelOf(channelCode);
        if (channel == null) {
            return new Reading.Malformed();
        }
        UnsubscribeToken token = new UnsubscribeToken(patientId, channel, expiresAt);
        return now.isBefore(expiresAt) ? new Reading.Valid(token) : new Reading.Expired(token);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static byte code(Channel channel) {
        return switch (channel) {
            case EMAIL -> 'E';
            case SMS -> 'S';
        };
    }

    private static Channel channelOf(byte code) {
        return switch (code) {
            case 'E' -> Channel.EMAIL;
            case 'S' -> Channel.SMS;
            default -> null;
        };
    }
}
