package org.medicore.support.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The keys every writer and reader of the trail shares, base64, 32 bytes each. The defaults are the local stack's
 * and the tests'; anywhere else they come from the platform's secrets, the same for every service. In the
 * {@value #CLOUD_PROFILE} profile, which every deployed workload runs with, a key left at its default is refused at
 * start: the defaults are in this repository, so what they seal is sealed for nobody.
 *
 * @param keyEncryptionKey wraps each person's data key (AES-256-GCM)
 * @param pseudonymKey     the HMAC key that turns a person's id into the pseudonym their key is found by
 */
@ConfigurationProperties("medicore.audit.keys")
public record AuditKeys(@DefaultValue(LOCAL_KEY_ENCRYPTION_KEY) String keyEncryptionKey,
                        @DefaultValue(LOCAL_PSEUDONYM_KEY) String pseudonymKey) implements EnvironmentAware {

    /** The Spring profile of the deployed workloads (infra-terraform's ConfigMaps set it). */
    public static final String CLOUD_PROFILE = "cloud";

    static final String LOCAL_KEY_ENCRYPTION_KEY = "uDeIcb0tWkloia5egwgfGd17FTZsRUT9+tgCYa8SQJI=";
    static final String LOCAL_PSEUDONYM_KEY = "KGoR3HlK7IiS3IptIS1xlV8/wWserKVxB1w/wLa97o4=";

    public static AuditKeys local() {
        return new AuditKeys(LOCAL_KEY_ENCRYPTION_KEY, LOCAL_PSEUDONYM_KEY);
    }

    /** Spring calls it once the keys are bound: the one moment that sees both the keys and the active profiles. */
    @Override
    public void setEnvironment(Environment environment) {
        if (!environment.matchesProfiles(CLOUD_PROFILE)) {
            return;
        }
        List<String> local = new ArrayList<>();
        if (LOCAL_KEY_ENCRYPTION_KEY.equals(keyEncryptionKey)) {
            local.add("medicore.audit.keys.key-encryption-key (MEDICORE_AUDIT_KEYS_KEYENCRYPTIONKEY)");
        }
        if (LOCAL_PSEUDONYM_KEY.equals(pseudonymKey)) {
            local.add("medicore.audit.keys.pseudonym-key (MEDICORE_AUDIT_KEYS_PSEUDONYMKEY)");
        }
        if (!local.isEmpty()) {
            throw new IllegalStateException("The audit trail's keys are the local stack's built-in ones in the '" + CLOUD_PROFILE
                    + "' profile: set " + String.join(" and ", local) + " from the platform's secrets");
        }
    }

    PatientKeys over(JdbcClient database) {
        return new PostgresPatientKeys(database, new LocalKeyEncryptionKey(Base64.getDecoder().decode(keyEncryptionKey)),
                new Pseudonyms(Base64.getDecoder().decode(pseudonymKey)));
    }
}
