package org.medicore.appointment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Erasure on request (GDPR art. 17), under the name patient-service reads too: where the clinic must keep
 * medical records for a period, appointments that have begun keep their reason.
 */
@ConfigurationProperties("medicore.erasure")
public record ErasureProperties(@DefaultValue("false") boolean retainClinicalRecords) {
}
