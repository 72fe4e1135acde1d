package org.medicore.bff.record;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Where fhir-api answers (the local stack's by default), and how long a whole record may take. */
@ConfigurationProperties("medicore.bff.fhir")
record FhirSettings(@DefaultValue("http://127.0.0.1:8086/fhir") String baseUrl,
                    @DefaultValue("30s") Duration timeout) {
}
