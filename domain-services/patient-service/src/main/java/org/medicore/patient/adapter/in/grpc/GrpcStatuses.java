package org.medicore.patient.adapter.in.grpc;

import io.grpc.StatusRuntimeException;
import org.medicore.patient.domain.FieldViolation;
import org.medicore.patient.domain.PatientId;
import org.medicore.support.grpc.GrpcErrors;

import java.util.List;
import java.util.UUID;

/** The refusals of the patient use cases in the statuses every service answers with. */
final class GrpcStatuses {

    private static final String PATIENT_TYPE = "medicore.patient.v1.Patient";
    private static final String HISTORY_ENTRY_TYPE = "medicore.patient.v1.HistoryEntry";
    private static final String DOMAIN = "patient.medicore.org";

    private GrpcStatuses() {
    }

    static StatusRuntimeException invalidArgument(List<FieldViolation> violations) {
        return GrpcErrors.invalid(violations.stream().map(v -> new org.medicore.support.port.FieldViolation(v.field(), v.description())).toList());
    }

    static StatusRuntimeException notFound(PatientId id) {
        return GrpcErrors.notFound(PATIENT_TYPE, id.value(), "patient");
    }

    static StatusRuntimeException historyEntryNotFound(UUID id) {
        return GrpcErrors.notFound(HISTORY_ENTRY_TYPE, id.toString(), "history entry");
    }

    /** The current state forbids the call; {@code type} names the rule, as listed in the contract. */
    static StatusRuntimeException failedPrecondition(String type, String subject, String description) {
        return GrpcErrors.failedPrecondition(type, subject, description);
    }

    static StatusRuntimeException duplicate(PatientId existing, String why) {
        return GrpcErrors.alreadyExists(PATIENT_TYPE, existing.value(), why);
    }

    static StatusRuntimeException staleVersion(long currentVersion) {
        return GrpcErrors.staleVersion(DOMAIN, currentVersion,
                "the patient changed since it was read; re-read version " + currentVersion);
    }

    static StatusRuntimeException permissionDenied() {
        return GrpcErrors.permissionDenied("the caller may not access this patient record");
    }
}
