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
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues and reads the token of an unsubscribe link, which works without signing in: the patient,
 * the channel and the expiry, signed with HMAC-SHA256 under the service's secret, so nobody can
 * make one for another patient or channel, or stretch its life. 56 URL-safe characters: a version
 * byte, the patient id, the channel, the expiry (epoch seconds) and the first 16 bytes of the MAC
 * (RFC 2104 allows truncating to half the hash), short enough for an SMS. A token is signed with the
 * current secret and read with it or one of the previous ones, so the secret can be rotated while
 * links signed before are still in patients' mailboxes.
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
    private final List<SecretKeySpec> previousKeys;
    private final Duration validity;

    HmacUnsubscribeTokens(String secret, List<String> previousSecrets, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("an unsubscribe link must be valid for a while, not " + validity);
        }
        this.key = key(secret, "the unsubscribe secret");
        this.previousKeys = previousSecrets.stream().map(previous -> key(previous, "a previous unsubscribe secret")).toList();
        this.validity = validity;
    }

    private static SecretKeySpec key(String secret, String name) {
        Objects.requireNonNull(secret, name);
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(name + " must have at least " + MIN_SECRET_BYTES + " bytes, it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, ALGORITHM);
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
        payload.put(mac(key, Arrays.copyOf(payload.array(), PAYLOAD_BYTES)));
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
        if (!signedWithOurs(Arrays.copyOf(bytes, PAYLOAD_BYTES), Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length))) {
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

    private boolean signedWithOurs(byte[] payload, byte[] signature) {
        boolean ours = MessageDigest.isEqual(mac(key, payload), signature);
        for (SecretKeySpec previous : previousKeys) {
            ours |= MessageDigest.isEqual(mac(previous, payload), signature);
        }
        return ours;
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload) {
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
