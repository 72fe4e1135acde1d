package org.medicore.fhir.web;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersRequest;
import org.medicore.contracts.appointment.v1.GetWorkingHoursRequest;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.appointment.v1.WorkingHours;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;

import java.util.Optional;

/** A practitioner and their working hours from appointment-service, for the resources made of them. */
final class Practitioners {

    private Practitioners() {
    }

    /** The practitioner, or the service's NOT_FOUND. */
    static Practitioner one(ClinicRecords records, Caller caller, String id) {
        return records.practitioners(caller, BatchGetPractitionersRequest.newBuilder().addPractitionerIds(id).build())
                .getPractitionersList().stream().findFirst()
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("no practitioner " + id).asRuntimeException());
    }

    /** Their working hours; none for a practitioner who has none set yet (the service's NOT_FOUND). */
    static Optional<WorkingHours> hours(ClinicRecords records, Caller caller, String id) {
        try {
            return Optional.of(records.workingHours(caller, GetWorkingHoursRequest.newBuilder().setPractitionerId(id).build())
                    .getWorkingHours());
        } catch (StatusRuntimeException refused) {
            if (refused.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw refused;
        }
    }
}
