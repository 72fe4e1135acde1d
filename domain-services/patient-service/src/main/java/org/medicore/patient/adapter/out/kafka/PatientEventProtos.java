package org.medicore.patient.adapter.out.kafka;

import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;
import org.medicore.contracts.events.v1.PatientContactChanged;
import org.medicore.contracts.events.v1.PatientErased;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.patient.domain.PatientId;
import org.medicore.support.mapping.ProtoMapping;

/** Patient events as medicore.events.v1 messages: ids and facts only, no demographics. */
@Mapper(config = ProtoMapping.class)
interface PatientEventProtos {

    PatientEventProtos PROTOS = Mappers.getMapper(PatientEventProtos.class);

    PatientRegistered registered(org.medicore.patient.domain.PatientRegistered event);

    PatientContactChanged contactChanged(org.medicore.patient.domain.PatientContactChanged event);

    PatientErased erased(org.medicore.patient.domain.PatientErased event);

    default String patientId(PatientId id) {
        return id.value();
    }
}
