package org.medicore.support.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A person's id as the key table and the erasure record name it: an HMAC-SHA256 with a key of the configuration, so
 * only who holds that key can tell which id a pseudonym stands for, and only by asking about a known id.
 */
final class Pseudonyms {

    private final byte[] key;

    Pseudonyms(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the pseudonym key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    String of(String personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(personId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
