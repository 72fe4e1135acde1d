package org.medicore.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;

/**
 * Tokens as Keycloak issues them (realm roles in realm_access.roles, audience medicore-api),
 * signed by a test RSA key whose JWKS is served over HTTP, so the service checks them exactly
 * as it checks Keycloak's: point the service's JWKS URI at {@link #jwksUri()} and its issuer at
 * {@link #ISSUER}. The real Keycloak ({@link TestStack#keycloak()}) is for the few end-to-end tests.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer.medicore.local/realms/medicore";
    public static final String AUDIENCE = "medicore-api";

    private static final RSAKey KEY = generateKey();
    private static final RSAKey STRANGER = generateKey();
    private static final HttpServer JWKS = serve(new JWKSet(KEY.toPublicJWK()).toString());

    private TestTokens() {
    }

    public static String jwksUri() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/certs";
    }

    public static String forSubject(String subject, String... realmRoles) {
        return sign(KEY, claims(subject, realmRoles).build());
    }

    public static String expired(String subject, String... realmRoles) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return sign(KEY, claims(subject, realmRoles).issueTime(Date.from(past.minusSeconds(300)))
                .expirationTime(Date.from(past)).build());
    }

    public static String forAnotherAudience(String subject, String... realmRoles) {
        return sign(KEY, claims(subject, realmRoles).audience("another-api").build());
    }

    public static String signedByAStranger(String subject, String... realmRoles) {
        return sign(STRANGER, claims(subject, realmRoles).build());
    }

    private static JWTClaimsSet.Builder claims(String subject, String... realmRoles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                // an hour: tests keep tokens in fields for the life of a long test JVM
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("realm_access", Map.of("roles", Arrays.asList(realmRoles)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(java.util.UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/certs", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
