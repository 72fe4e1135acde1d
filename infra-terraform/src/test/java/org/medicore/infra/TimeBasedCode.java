package org.medicore.infra;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The code an authenticator app shows (RFC 6238, HMAC-SHA1, 6 digits, 30 s steps: the deployed
 * realm's OTP policy). Keycloak keys the HMAC with the bytes of the secret as stored on the
 * credential; the app gets the same bytes through the QR code's Base32.
 */
record TimeBasedCode(String secret) {

    private static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;

    String at(Instant time) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(time.getEpochSecond() / PERIOD_SECONDS).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
