package org.medicore.appointment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How bearer tokens are checked: the issuer, its JWKS (the signing keys) and the audience. */
@ConfigurationProperties("medicore.security.jwt")
public record JwtProperties(String issuerUri, String jwkSetUri, String audience) {
}
