package org.medicore.patient.adapter.in.grpc;

import org.mapstruct.Mapper;
import org.mapstruct.ValueMapping;
import org.mapstruct.factory.Mappers;
import org.medicore.contracts.common.v1.Actor;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.patient.v1.ErasureRequest;
import org.medicore.contracts.patient.v1.ErasureState;
import org.medicore.patient.application.port.in.ErasureRequestPage;
import org.medicore.patient.domain.PatientId;
import org.medicore.support.mapping.ProtoMapping;

/** Erasure requests as ErasureService answers them; the patient's login is not part of the answer. */
@Mapper(config = ProtoMapping.class)
interface ErasureProtos {

    ErasureProtos PROTOS = Mappers.getMapper(ErasureProtos.class);

    ErasureRequest request(org.medicore.patient.domain.ErasureRequest request);

    @ValueMapping(source = "PENDING", target = "ERASURE_PENDING")
    @ValueMapping(source = "APPROVED", target = "ERASURE_APPROVED")
    @ValueMapping(source = "DONE", target = "ERASURE_DONE")
    @ValueMapping(source = "DECLINED", target = "ERASURE_DECLINED")
    ErasureState state(org.medicore.patient.domain.ErasureState state);

    Actor actor(org.medicore.patient.domain.Actor actor);

    default String patientId(PatientId id) {
        return id.value();
    }

    default PageInfo pageInfo(ErasureRequestPage page) {
        return PageInfo.newBuilder().setNextPageToken(page.nextPageToken()).setTotalSize(-1).build();
    }
}
