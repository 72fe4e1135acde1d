package org.medicore.patient.adapter.in.grpc;

import io.grpc.StatusRuntimeException;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.Refusal;

/** The patient use cases' refusals in the statuses every service answers with, in the patient domain. */
final class GrpcStatuses {

    /** The {@code google.rpc.ErrorInfo} domain of a stale version. */
    private static final String DOMAIN = "patient.medicore.org";

    private GrpcStatuses() {
    }

    static StatusRuntimeException refused(Refusal refusal) {
        return GrpcErrors.refused(refusal, DOMAIN);
    }
}
