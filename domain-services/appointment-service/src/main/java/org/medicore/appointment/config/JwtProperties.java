package org.medicore.appointment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * How bearer tokens are checked: issuer, audience and the signing keys, from the issuer's
 * JWKS or, where no issuer runs (tests), from a PEM public key.
 */
@ConfigurationProperties("medicore.security.jwt")
public record JwtProperties(String issuerUri, String jwkSetUri, String audience, Resource publicKeyLocation) {
}
