package org.medicore.notification.application.port.out;

import java.time.ZoneId;
import java.util.Optional;

/** The zone a practitioner works in, where known. */
public interface LoadPractitionerZones {

    Optional<ZoneId> zoneOf(String practitionerId);
}
