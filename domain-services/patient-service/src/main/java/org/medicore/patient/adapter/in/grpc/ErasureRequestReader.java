package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.Message;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.RequestErasureRequest;
import org.medicore.patient.application.port.in.RequestErasureCommand;
import org.medicore.patient.domain.PatientId;
import org.medicore.support.grpc.RequestFields;

import java.util.UUID;

/**
 * Proto to domain for one ErasureService request: what erasure_service.proto's rules refuse (ids as UUIDs, the
 * reasons' lengths, the page size), each malformed field named once; control characters are the shared interceptor's.
 */
final class ErasureRequestReader extends RequestFields {

    ErasureRequestReader(Message request) {
        super(request);
    }

    RequestErasureCommand command(RequestErasureRequest request) {
        UUID patient = ruledUuid(request.getPatientId());
        return patient == null ? null : new RequestErasureCommand(new PatientId(patient.toString()), request.getReason());
    }

    UUID requestId(String requestId) {
        return ruledUuid(requestId);
    }

    org.medicore.patient.application.port.in.PageRequest page(PageRequest page) {
        return new org.medicore.patient.application.port.in.PageRequest(pageSize(page.getPageSize()), page.getPageToken());
    }
}
