package org.medicore.fhir.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/** @param clinicZone the zone of the clinic's days, in which a date search's days begin and end */
@ConfigurationProperties("medicore.fhir")
record FhirSettings(@DefaultValue("Europe/Berlin") ZoneId clinicZone) {
}
