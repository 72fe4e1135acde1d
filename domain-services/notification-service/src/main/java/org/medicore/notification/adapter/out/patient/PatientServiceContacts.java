package org.medicore.notification.adapter.out.patient;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.notification.application.port.out.LoadPatientContacts;
import org.medicore.notification.domain.Language;
import org.medicore.notification.domain.PatientContact;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Contact details from patient-service's GetPatient, as a confidential client (its token on every
 * call). Only e-mail, phone and preferred language are kept; the rest of the record never leaves this class.
 */
final class PatientServiceContacts implements LoadPatientContacts {

    private final PatientServiceGrpc.PatientServiceBlockingStub stub;
    private final Duration deadline;

    PatientServiceContacts(PatientServiceGrpc.PatientServiceBlockingStub stub, Duration deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    @Override
    public Optional<PatientContact> contactOf(UUID patientId) {
        try {
            Patient patient = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getPatient(GetPatientRequest.newBuilder().setPatientId(patientId.toString()).build())
                    .getPatient();
            ContactDetails contact = patient.getContact();
            return Optional.of(new PatientContact(given(contact.getEmail()), given(contact.getPhone()),
                    Language.withTag(patient.getPreferredLanguage())));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** proto3 strings are empty when not given. */
    private static Optional<String> given(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
