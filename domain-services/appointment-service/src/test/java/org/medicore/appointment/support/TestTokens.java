package org.medicore.appointment.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Tokens signed by a test RSA key, shaped like Keycloak's; the service trusts the key via test properties. */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer/realms/medicore";
    public static final String AUDIENCE = "medicore-api";
    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {
    }

    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    public static String token(String subject, String... roles) {
        return sign(subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), roles);
    }

    public static String sign(String subject, String audience, Instant expiry, String... roles) {
        var claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(expiry))
                .claim("realm_access", Map.of("roles", List.of(roles))).build();
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("appointment-test-jwt-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
