package org.medicore.support.audit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The local keys run the local stack and the tests, and nothing deployed. */
class AuditKeysTest {

    private static final String OWN_KEY = "9L7eC0b8v1kQfR0y3mWnq1o5H2tJx6sA4dZ8gPuYcE0=";
    private static final String OWN_PSEUDONYM_KEY = "q0Wm3Jb5Xc8Rt1Yz7Lk2Nh4Pv6Ds9Fa0Ge3Ui5Oy8Tw=";

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Keys.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditKeys.class)
    static class Keys {
    }

    @Test
    void withoutTheCloudProfileTheLocalKeysApply() {
        context.run(started -> assertThat(started.getBean(AuditKeys.class)).isEqualTo(AuditKeys.local()));
    }

    @Test
    void inTheCloudProfileAServiceWithTheLocalKeysRefusesToStartNamingBothProperties() {
        context.withPropertyValues("spring.profiles.active=cloud").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("medicore.audit.keys.key-encryption-key (MEDICORE_AUDIT_KEYS_KEYENCRYPTIONKEY)")
                .hasMessageContaining("medicore.audit.keys.pseudonym-key (MEDICORE_AUDIT_KEYS_PSEUDONYMKEY)"));
    }

    @Test
    void inTheCloudProfileOneKeyLeftAtItsDefaultIsRefusedByName() {
        context.withPropertyValues("spring.profiles.active=cloud", "medicore.audit.keys.key-encryption-key=" + OWN_KEY)
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("medicore.audit.keys.pseudonym-key")
                        .hasMessageNotContaining("key-encryption-key"));
    }

    @Test
    void inTheCloudProfileTheKeysFromTheEnvironmentVariablesTheDeploymentSetsStart() {
        Map<String, Object> deployment = Map.of("MEDICORE_AUDIT_KEYS_KEYENCRYPTIONKEY", OWN_KEY,
                "MEDICORE_AUDIT_KEYS_PSEUDONYMKEY", OWN_PSEUDONYM_KEY);
        context.withPropertyValues("spring.profiles.active=cloud")
                .withInitializer(app -> app.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, deployment)))
                .run(started -> assertThat(started).hasNotFailed().getBean(AuditKeys.class)
                        .isEqualTo(new AuditKeys(OWN_KEY, OWN_PSEUDONYM_KEY)));
    }
}
