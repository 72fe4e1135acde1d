package org.medicore.appointment.support;

import org.medicore.localstack.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The context most tests share: it trusts {@link TestTokens}, whose JWKS is served on the
 * loopback, so tokens are checked on the same decoder path as Keycloak's in production.
 */
public abstract class IntegrationTest extends ApplicationTest {

    @DynamicPropertySource
    static void testTokens(DynamicPropertyRegistry registry) {
        registry.add("medicore.security.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("medicore.security.jwt.jwk-set-uri", TestTokens::jwksUri);
    }
}
