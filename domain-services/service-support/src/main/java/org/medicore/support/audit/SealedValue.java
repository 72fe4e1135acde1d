package org.medicore.support.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A personal value as a record stores it: {@code sealed:<key id>:<nonce and ciphertext, base64url>}, text like the
 * rest of the record, so the chain hashes it as it hashes every field.
 */
final class SealedValue {

    /** What a reader sees where the person's key has been destroyed. */
    static final String ERASED = "[erased]";

    static final String PREFIX = "sealed:";
    private static final Pattern SEALED = Pattern.compile(
            "sealed:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([A-Za-z0-9_-]+)");

    private SealedValue() {
    }

    static String seal(DataKey key, String value) {
        byte[] sealed = AesGcm.seal(key.key(), value.getBytes(StandardCharsets.UTF_8));
        return PREFIX + key.keyId() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /**
     * The value, or {@link #ERASED} when its key is not among {@code held} (destroyed) or does not open it: a reader
     * never sees ciphertext, and never fails on a forgotten patient. Only a key the record itself lists counts: text a
     * caller sent that merely looks sealed (an id field holds anything) is shown as sent.
     */
    static String open(String stored, Collection<String> recordKeys, Map<String, DataKey> held) {
        Matcher sealed = SEALED.matcher(stored);
        if (!sealed.matches() || !recordKeys.contains(sealed.group(1))) {
            return stored;
        }
        DataKey key = held.get(sealed.group(1));
        if (key == null) {
            return ERASED;
        }
        try {
            return new String(AesGcm.open(key.key(), Base64.getUrlDecoder().decode(sealed.group(2))), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return ERASED;
        }
    }
}
