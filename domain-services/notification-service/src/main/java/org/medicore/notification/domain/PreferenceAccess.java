package org.medicore.notification.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may read and change a patient's message preferences. Read: the patient, and DOCTOR and ADMIN
 * (the care team answers "why did I get no reminder?"). Change: the patient, their consent recorded as
 * theirs; ADMIN, recorded as given by STAFF (the clinic desk takes a consent on paper). Nobody else:
 * BILLING has no business with how a patient wants to be reached.
 */
public final class PreferenceAccess {

    private PreferenceAccess() {
    }

    public static boolean mayRead(Caller caller, UUID patientId) {
        return isThePatient(caller, patientId) || caller.is(Role.DOCTOR) || caller.is(Role.ADMIN);
    }

    /** The source a change by this caller is recorded with; empty when the caller may not change it. */
    public static Optional<ChannelConsent.Source> changeSource(Caller caller, UUID patientId) {
        if (isThePatient(caller, patientId)) {
            return Optional.of(ChannelConsent.Source.PATIENT);
        }
        return caller.is(Role.ADMIN) ? Optional.of(ChannelConsent.Source.STAFF) : Optional.empty();
    }

    private static boolean isThePatient(Caller caller, UUID patientId) {
        return caller.is(Role.PATIENT) && caller.subject().equals(patientId.toString());
    }
}
