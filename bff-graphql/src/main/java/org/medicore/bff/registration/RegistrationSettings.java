package org.medicore.bff.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Self-registration: how long after an account was made a repeat with its e-mail and password counts as a retry. */
@ConfigurationProperties("medicore.bff.registration")
public record RegistrationSettings(@DefaultValue("15m") Duration retryWindow) {
}
