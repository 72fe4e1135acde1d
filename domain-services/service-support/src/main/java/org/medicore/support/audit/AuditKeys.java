package org.medicore.support.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Base64;

/**
 * The keys every writer and reader of the trail shares, base64, 32 bytes each. The defaults are the local stack's
 * and the tests'; anywhere else they come from the platform's secrets, the same for every service.
 *
 * @param keyEncryptionKey wraps each person's data key (AES-256-GCM)
 * @param pseudonymKey     the HMAC key that turns a person's id into the pseudonym their key is found by
 */
@ConfigurationProperties("medicore.audit.keys")
public record AuditKeys(@DefaultValue(LOCAL_KEY_ENCRYPTION_KEY) String keyEncryptionKey,
                        @DefaultValue(LOCAL_PSEUDONYM_KEY) String pseudonymKey) {

    static final String LOCAL_KEY_ENCRYPTION_KEY = "uDeIcb0tWkloia5egwgfGd17FTZsRUT9+tgCYa8SQJI=";
    static final String LOCAL_PSEUDONYM_KEY = "KGoR3HlK7IiS3IptIS1xlV8/wWserKVxB1w/wLa97o4=";

    public static AuditKeys local() {
        return new AuditKeys(LOCAL_KEY_ENCRYPTION_KEY, LOCAL_PSEUDONYM_KEY);
    }

    PatientKeys over(JdbcClient database) {
        return new PostgresPatientKeys(database, new LocalKeyEncryptionKey(Base64.getDecoder().decode(keyEncryptionKey)),
                new Pseudonyms(Base64.getDecoder().decode(pseudonymKey)));
    }
}
