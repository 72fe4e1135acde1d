package org.medicore.bff.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How many self-registrations the BFF lets through in each {@code window}: from one client
 * address, and from all of them together.
 */
@ConfigurationProperties("medicore.bff.registration.throttle")
record RegistrationLimits(@DefaultValue("10m") Duration window,
                          @DefaultValue("5") int perAddress,
                          @DefaultValue("100") int overall) {
}
