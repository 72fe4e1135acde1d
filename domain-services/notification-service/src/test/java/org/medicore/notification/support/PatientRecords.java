package org.medicore.notification.support;

import org.medicore.notification.application.port.out.LoadPatientContacts;
import org.medicore.notification.domain.Language;
import org.medicore.notification.domain.PatientContact;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * patient-service's contact details as the flow tests set them: the port faked, so the flow runs
 * without Keycloak and patient-service (PatientServiceContactsTest covers the gRPC adapter).
 */
public final class PatientRecords implements LoadPatientContacts {

    private final Map<UUID, PatientContact> contacts = new ConcurrentHashMap<>();

    public void record(UUID patientId, String email, String phone) {
        contacts.put(patientId, new PatientContact(Optional.of(email), Optional.of(phone), Optional.empty()));
    }

    public void record(UUID patientId, String email, String phone, Language language) {
        contacts.put(patientId, new PatientContact(Optional.of(email), Optional.of(phone), Optional.of(language)));
    }

    @Override
    public Optional<PatientContact> contactOf(UUID patientId) {
        return Optional.ofNullable(contacts.get(patientId));
    }
}
