package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.medicore.patient.domain.FieldViolation;
import org.medicore.patient.domain.PatientId;

import java.util.List;
import java.util.UUID;

/** The refusals of the patient use cases as gRPC statuses with google.rpc details. */
final class GrpcStatuses {

    private static final String PATIENT_TYPE = "medicore.patient.v1.Patient";
    private static final String HISTORY_ENTRY_TYPE = "medicore.patient.v1.HistoryEntry";

    private GrpcStatuses() {
    }

    static StatusRuntimeException invalidArgument(List<FieldViolation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        violations.forEach(v -> details.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(v.field()).setDescription(v.description())));
        String fields = String.join(", ", violations.stream().map(FieldViolation::field).distinct().toList());
        return status(Code.INVALID_ARGUMENT, "invalid fields: " + fields, Any.pack(details.build()));
    }

    static StatusRuntimeException notFound(PatientId id) {
        return status(Code.NOT_FOUND, "no patient " + id, Any.pack(resource(PATIENT_TYPE, id.value(), "no such patient")));
    }

    static StatusRuntimeException historyEntryNotFound(UUID id) {
        return status(Code.NOT_FOUND, "no history entry " + id,
                Any.pack(resource(HISTORY_ENTRY_TYPE, id.toString(), "no such history entry")));
    }

    /** The current state forbids the call; {@code type} names the rule, as listed in the contract. */
    static StatusRuntimeException failedPrecondition(String type, String subject, String description) {
        return status(Code.FAILED_PRECONDITION, description, Any.pack(PreconditionFailure.newBuilder()
                .addViolations(PreconditionFailure.Violation.newBuilder().setType(type).setSubject(subject)
                        .setDescription(description)).build()));
    }

    static StatusRuntimeException duplicate(PatientId existing, String why) {
        return status(Code.ALREADY_EXISTS, why + ": patient " + existing, Any.pack(resource(PATIENT_TYPE, existing.value(), why)));
    }

    static StatusRuntimeException staleVersion(long currentVersion) {
        return status(Code.ABORTED, "the patient changed since it was read; re-read version " + currentVersion,
                Any.pack(ErrorInfo.newBuilder().setReason("STALE_VERSION").setDomain("patient.medicore.org")
                        .putMetadata("current_version", Long.toString(currentVersion)).build()));
    }

    static StatusRuntimeException permissionDenied() {
        return StatusProto.toStatusRuntimeException(Status.newBuilder().setCode(Code.PERMISSION_DENIED_VALUE)
                .setMessage("the caller may not access this patient record").build());
    }

    private static ResourceInfo resource(String type, String id, String description) {
        return ResourceInfo.newBuilder().setResourceType(type).setResourceName(id).setDescription(description).build();
    }

    private static StatusRuntimeException status(Code code, String message, Any detail) {
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(code.getNumber()).setMessage(message).addDetails(detail).build());
    }
}
