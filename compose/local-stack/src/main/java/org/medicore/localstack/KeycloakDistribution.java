package org.medicore.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build unpacked the Keycloak distribution (see this module's pom). */
public final class KeycloakDistribution {

    private KeycloakDistribution() {
    }

    public static Path home() {
        String override = System.getProperty("medicore.keycloak.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/medicore-local-stack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return Path.of(properties.getProperty("keycloak.home"));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("medicore-local-stack.properties is missing; rebuild compose/local-stack", e);
        }
    }
}
