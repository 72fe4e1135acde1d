package org.medicore.patient.adapter.in.grpc;

import com.google.type.Date;
import org.mapstruct.AfterMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ValueMapping;
import org.mapstruct.factory.Mappers;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.AllergySeverity;
import org.medicore.contracts.patient.v1.Condition;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.Medication;
import org.medicore.contracts.patient.v1.Note;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.patient.application.port.in.Page;
import org.medicore.patient.domain.ClinicalDetail;
import org.medicore.patient.domain.HistoryKind;
import org.medicore.patient.domain.PartialDate;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.PreferredLanguage;
import org.medicore.patient.domain.RecordedEntry;
import org.medicore.support.mapping.ProtoMapping;

import java.util.List;
import java.util.function.Function;

/** Domain to proto for the PatientService: demographics, history entries, lab results, pages of them. */
@Mapper(config = ProtoMapping.class)
interface PatientProtos {

    PatientProtos PROTOS = Mappers.getMapper(PatientProtos.class);

    @Mapping(target = ".", source = "demographics")
    Patient patient(org.medicore.patient.domain.Patient patient);

    org.medicore.contracts.common.v1.Address address(org.medicore.patient.domain.Address address);

    org.medicore.contracts.patient.v1.EmergencyContact emergencyContact(org.medicore.patient.domain.EmergencyContact contact);

    @ValueMapping(source = "UNSPECIFIED", target = "SEX_UNSPECIFIED")
    Sex sex(org.medicore.patient.domain.Sex sex);

    default String patientId(PatientId id) {
        return id.value();
    }

    default String languageTag(PreferredLanguage language) {
        return language.tag();
    }

    /** An entry with the id of the entry that replaced it, when one did. */
    default HistoryEntry recorded(RecordedEntry recorded) {
        HistoryEntry.Builder proto = entry(recorded.entry()).toBuilder();
        recorded.supersededBy().ifPresent(by -> proto.setSupersededByEntryId(by.toString()));
        return proto.build();
    }

    @Mapping(target = "kind", expression = "java(kind(entry.kind()))")
    @Mapping(target = "supersedesEntryId", source = "supersedes")
    @Mapping(target = "supersededByEntryId", ignore = true)
    @Mapping(target = "condition", ignore = true)
    @Mapping(target = "allergy", ignore = true)
    @Mapping(target = "medication", ignore = true)
    @Mapping(target = "note", ignore = true)
    HistoryEntry entry(org.medicore.patient.domain.HistoryEntry entry);

    /** The entry's clinical detail, in the proto's oneof. */
    @AfterMapping
    default void clinicalDetail(org.medicore.patient.domain.HistoryEntry entry, @MappingTarget HistoryEntry.Builder proto) {
        switch (entry.detail()) {
            case ClinicalDetail.Condition condition -> proto.setCondition(condition(condition));
            case ClinicalDetail.Allergy allergy -> proto.setAllergy(allergy(allergy));
            case ClinicalDetail.Medication medication -> proto.setMedication(medication(medication));
            case ClinicalDetail.Note note -> proto.setNote(note(note));
        }
    }

    HistoryEntryKind kind(HistoryKind kind);

    @Mapping(target = "onsetDate", source = "onset")
    Condition condition(ClinicalDetail.Condition condition);

    @ValueMapping(source = "UNSPECIFIED", target = "CONDITION_STATUS_UNSPECIFIED")
    org.medicore.contracts.patient.v1.ConditionStatus status(ClinicalDetail.ConditionStatus status);

    /** A partial date keeps its zeros (a year alone, a year and month), as google.type.Date allows. */
    default Date partialDate(PartialDate date) {
        return Date.newBuilder().setYear(date.year()).setMonth(date.month()).setDay(date.day()).build();
    }

    Allergy allergy(ClinicalDetail.Allergy allergy);

    @ValueMapping(source = "UNSPECIFIED", target = "ALLERGY_SEVERITY_UNSPECIFIED")
    AllergySeverity severity(ClinicalDetail.AllergySeverity severity);

    Medication medication(ClinicalDetail.Medication medication);

    Note note(ClinicalDetail.Note note);

    @Mapping(target = ".", source = "measurement")
    @Mapping(target = "printedUnit", ignore = true)
    LabResult labResult(org.medicore.patient.domain.LabResult result);

    org.medicore.contracts.lab.v1.ReferenceRange range(org.medicore.patient.domain.ReferenceRange range);

    @ValueMapping(source = "UNSPECIFIED", target = "ABNORMAL_FLAG_UNSPECIFIED")
    AbnormalFlag flag(org.medicore.patient.domain.AbnormalFlag flag);

    default PageInfo pageInfo(Page<?> page) {
        return PageInfo.newBuilder().setNextPageToken(page.nextPageToken()).setTotalSize(-1).build();
    }

    default <D, P> List<P> items(Page<D> page, Function<D, P> mapping) {
        return page.items().stream().map(mapping).toList();
    }
}
