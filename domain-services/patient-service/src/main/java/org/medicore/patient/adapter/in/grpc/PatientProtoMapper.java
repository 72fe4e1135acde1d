package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.FieldMask;
import com.google.type.Date;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ReferenceRange;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.AllergySeverity;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.Condition;
import org.medicore.contracts.patient.v1.ConditionStatus;
import org.medicore.contracts.patient.v1.EmergencyContact;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.Medication;
import org.medicore.contracts.patient.v1.Note;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.patient.application.port.in.AddHistoryEntryCommand;
import org.medicore.patient.application.port.in.AttachLabResultCommand;
import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.ListLabResultsQuery;
import org.medicore.patient.application.port.in.Page;
import org.medicore.patient.application.port.in.PageRequest;
import org.medicore.patient.application.port.in.RegisterPatientCommand;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.in.UpdateDemographicsCommand;
import org.medicore.patient.domain.Address;
import org.medicore.patient.domain.ClinicalDetail;
import org.medicore.patient.domain.Demographics;
import org.medicore.patient.domain.DemographicsEdit;
import org.medicore.patient.domain.HistoryKind;
import org.medicore.patient.domain.LabMeasurement;
import org.medicore.patient.domain.PartialDate;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.PreferredLanguage;
import org.medicore.patient.domain.Violations;
import org.medicore.support.grpc.RequestFields;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** PatientService requests read into commands and queries, collecting field violations (responses: {@link PatientProtos}). */
final class PatientProtoMapper {

    private PatientProtoMapper() {
    }

    static RegisterPatientCommand toCommand(RegisterPatientRequest request) {
        Demographics demographics = new Demographics(toName(request.getName()), toDate(request.getDateOfBirth()),
                toSex(request.getSex()), toContact(request.getContact()),
                request.hasEmergencyContact() ? Optional.of(toEmergencyContact(request.getEmergencyContact())) : Optional.empty(),
                new PreferredLanguage(request.getPreferredLanguage()));
        return new RegisterPatientCommand(demographics, Optional.of(request.getKeycloakSubject()), request.getRegisteredAtClinicId());
    }

    static SearchPatientsQuery toQuery(SearchPatientsRequest request) {
        Optional<LocalDate> dateOfBirth = Optional.empty();
        if (request.hasDateOfBirth()) {
            LocalDate date = toDate(request.getDateOfBirth());
            if (date == null) {
                new Violations().add("date_of_birth", "must be a full calendar date").throwIfAny();
            }
            dateOfBirth = Optional.of(date);
        }
        return new SearchPatientsQuery(request.getFamilyNamePrefix(), request.getGivenNamePrefix(), dateOfBirth,
                request.getPage().getPageSize(), request.getPage().getPageToken());
    }

    static PatientId toPatientId(String value) {
        return new PatientId(value);
    }

    static UpdateDemographicsCommand toCommand(UpdateDemographicsRequest request) {
        PatientId id = toPatientId(request.getPatientId());
        return new UpdateDemographicsCommand(id, request.getExpectedVersion(), toEdits(request.getUpdateMask(), request));
    }

    private static List<DemographicsEdit> toEdits(FieldMask mask, UpdateDemographicsRequest request) {
        List<DemographicsEdit> edits = new ArrayList<>();
        Violations violations = new Violations();
        var address = request.getContact().getAddress();
        var emergency = request.getEmergencyContact();
        for (String path : mask.getPathsList()) {
            switch (path) {
                case "name" -> edits.add(new DemographicsEdit.SetName(toName(request.getName())));
                case "name.given" -> edits.add(new DemographicsEdit.SetGivenName(request.getName().getGiven()));
                case "name.family" -> edits.add(new DemographicsEdit.SetFamilyName(request.getName().getFamily()));
                case "date_of_birth" -> edits.add(new DemographicsEdit.SetDateOfBirth(toDate(request.getDateOfBirth())));
                case "sex" -> edits.add(new DemographicsEdit.SetSex(toSex(request.getSex())));
                case "contact" -> edits.add(new DemographicsEdit.SetContact(toContact(request.getContact())));
                case "contact.email" -> edits.add(new DemographicsEdit.SetEmail(request.getContact().getEmail()));
                case "contact.phone" -> edits.add(new DemographicsEdit.SetPhone(request.getContact().getPhone()));
                case "contact.address" -> edits.add(new DemographicsEdit.SetAddress(toAddress(request.getContact())));
                case "contact.address.lines" -> edits.add(new DemographicsEdit.SetAddressLines(address.getLinesList()));
                case "contact.address.postal_code" -> edits.add(new DemographicsEdit.SetPostalCode(address.getPostalCode()));
                case "contact.address.city" -> edits.add(new DemographicsEdit.SetCity(address.getCity()));
                case "contact.address.region" -> edits.add(new DemographicsEdit.SetRegion(address.getRegion()));
                case "contact.address.country_code" -> edits.add(new DemographicsEdit.SetCountryCode(address.getCountryCode()));
                case "emergency_contact" -> edits.add(new DemographicsEdit.SetEmergencyContact(request.hasEmergencyContact()
                        ? Optional.of(toEmergencyContact(request.getEmergencyContact())) : Optional.empty()));
                case "emergency_contact.name" -> edits.add(new DemographicsEdit.SetEmergencyContactName(toName(emergency.getName())));
                case "emergency_contact.name.given" -> edits.add(new DemographicsEdit.SetEmergencyContactGivenName(
                        emergency.getName().getGiven()));
                case "emergency_contact.name.family" -> edits.add(new DemographicsEdit.SetEmergencyContactFamilyName(
                        emergency.getName().getFamily()));
                case "emergency_contact.relationship" -> edits.add(new DemographicsEdit.SetEmergencyContactRelationship(
                        emergency.getRelationship()));
                case "emergency_contact.phone" -> edits.add(new DemographicsEdit.SetEmergencyContactPhone(emergency.getPhone()));
                case "emergency_contact.email" -> edits.add(new DemographicsEdit.SetEmergencyContactEmail(emergency.getEmail()));
                case "preferred_language" -> edits.add(new DemographicsEdit.SetPreferredLanguage(
                        new PreferredLanguage(request.getPreferredLanguage())));
                default -> violations.add("update_mask", "unknown or unchangeable field \"" + path + "\"");
            }
        }
        violations.throwIfAny();
        return edits;
    }

    private static org.medicore.patient.domain.PersonName toName(PersonName name) {
        return new org.medicore.patient.domain.PersonName(name.getGiven(), name.getFamily());
    }

    /** A full calendar date, or null for an unset, partial or impossible one (the domain names the field). */
    private static LocalDate toDate(Date date) {
        try {
            return date.getYear() == 0 || date.getMonth() == 0 || date.getDay() == 0 ? null
                    : LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static org.medicore.patient.domain.Sex toSex(Sex sex) {
        return switch (sex) {
            case FEMALE -> org.medicore.patient.domain.Sex.FEMALE;
            case MALE -> org.medicore.patient.domain.Sex.MALE;
            case OTHER -> org.medicore.patient.domain.Sex.OTHER;
            case UNKNOWN -> org.medicore.patient.domain.Sex.UNKNOWN;
            case SEX_UNSPECIFIED, UNRECOGNIZED -> org.medicore.patient.domain.Sex.UNSPECIFIED;
        };
    }

    private static org.medicore.patient.domain.ContactDetails toContact(ContactDetails contact) {
        return new org.medicore.patient.domain.ContactDetails(contact.getEmail(), contact.getPhone(), toAddress(contact));
    }

    private static Optional<Address> toAddress(ContactDetails contact) {
        if (!contact.hasAddress()) {
            return Optional.empty();
        }
        var a = contact.getAddress();
        return Optional.of(new Address(a.getLinesList(), a.getPostalCode(), a.getCity(), a.getRegion(), a.getCountryCode()));
    }

    private static org.medicore.patient.domain.EmergencyContact toEmergencyContact(EmergencyContact contact) {
        return new org.medicore.patient.domain.EmergencyContact(toName(contact.getName()), contact.getRelationship(),
                contact.getPhone(), contact.getEmail());
    }

    // --- medical history

    static AddHistoryEntryCommand toCommand(AddHistoryEntryRequest request) {
        Violations violations = new Violations();
        PatientId id = violations.from(() -> toPatientId(request.getPatientId()));
        ClinicalDetail detail = switch (request.getDetailCase()) {
            case CONDITION -> violations.from(() -> toCondition(request.getCondition()));
            case ALLERGY -> violations.from(() -> toAllergy(request.getAllergy()));
            case MEDICATION -> violations.from(() -> toMedication(request.getMedication()));
            case NOTE -> violations.from(() -> new ClinicalDetail.Note(request.getNote().getText()));
            case DETAIL_NOT_SET -> {
                violations.add("detail", AddHistoryEntryCommand.DETAIL_REQUIRED);
                yield null;
            }
        };
        // A UUID when set: the contract's rule, checked before the request gets here.
        Optional<UUID> supersedes = request.getSupersedesEntryId().isEmpty() ? Optional.empty()
                : Optional.of(UUID.fromString(request.getSupersedesEntryId()));
        violations.throwIfAny();
        return new AddHistoryEntryCommand(id, detail, supersedes);
    }

    static ListHistoryQuery toQuery(ListHistoryRequest request) {
        Violations violations = new Violations();
        PatientId id = violations.from(() -> toPatientId(request.getPatientId()));
        Set<HistoryKind> kinds = EnumSet.noneOf(HistoryKind.class);
        for (HistoryEntryKind kind : request.getKindsList()) {
            if (kind == HistoryEntryKind.HISTORY_ENTRY_KIND_UNSPECIFIED || kind == HistoryEntryKind.UNRECOGNIZED) {
                violations.add("kinds", "must name kinds: CONDITION, ALLERGY, MEDICATION or NOTE");
            } else {
                kinds.add(HistoryKind.valueOf(kind.name()));
            }
        }
        PageRequest page = violations.from(() -> toPage(request.getPage()));
        violations.throwIfAny();
        return new ListHistoryQuery(id, kinds, request.getIncludeSuperseded(), request.getNewestFirst(), page);
    }

    private static ClinicalDetail.Condition toCondition(Condition condition) {
        Violations violations = new Violations();
        Optional<PartialDate> onset = condition.hasOnsetDate()
                ? Optional.ofNullable(violations.from(() -> PartialDate.of("condition.onset_date", condition.getOnsetDate().getYear(),
                        condition.getOnsetDate().getMonth(), condition.getOnsetDate().getDay())))
                : Optional.empty();
        ClinicalDetail.Condition detail = violations.from(() -> new ClinicalDetail.Condition(condition.getDisplay(),
                condition.getCode(), condition.getCodeSystem(),
                sameName(condition.getStatus(), ClinicalDetail.ConditionStatus.class, ClinicalDetail.ConditionStatus.UNSPECIFIED),
                onset));
        violations.throwIfAny();
        return detail;
    }

    private static ClinicalDetail.Allergy toAllergy(Allergy allergy) {
        return new ClinicalDetail.Allergy(allergy.getSubstance(), allergy.getCode(), allergy.getReaction(),
                sameName(allergy.getSeverity(), ClinicalDetail.AllergySeverity.class, ClinicalDetail.AllergySeverity.UNSPECIFIED));
    }

    private static ClinicalDetail.Medication toMedication(Medication medication) {
        Violations violations = new Violations();
        Optional<LocalDate> start = medication.hasStartDate()
                ? Optional.ofNullable(fullDate("medication.start_date", medication.getStartDate(), violations)) : Optional.empty();
        Optional<LocalDate> end = medication.hasEndDate()
                ? Optional.ofNullable(fullDate("medication.end_date", medication.getEndDate(), violations)) : Optional.empty();
        ClinicalDetail.Medication detail = violations.from(() -> new ClinicalDetail.Medication(medication.getName(),
                medication.getCode(), medication.getDosage(), start, end));
        violations.throwIfAny();
        return detail;
    }

    // --- lab results

    static AttachLabResultCommand toCommand(AttachLabResultRequest request) {
        Violations violations = AttachLabResultCommand.checkIdempotencyKey(request.getIdempotencyKey(), new Violations());
        PatientId id = violations.from(() -> toPatientId(request.getPatientId()));
        LabMeasurement measurement = null;
        if (!request.hasResult()) {
            violations.add("result", "is required");
        } else {
            measurement = violations.from(() -> toMeasurement(request.getResult()));
            String resultPatient = request.getResult().getPatientId();
            if (!resultPatient.isEmpty() && !resultPatient.equals(request.getPatientId())) {
                violations.add("result.patient_id", "must be empty or equal patient_id");
            }
        }
        violations.throwIfAny();
        return new AttachLabResultCommand(request.getIdempotencyKey(), id, measurement);
    }

    static ListLabResultsQuery toQuery(ListLabResultsRequest request) {
        Violations violations = new Violations();
        PatientId id = violations.from(() -> toPatientId(request.getPatientId()));
        PageRequest page = violations.from(() -> toPage(request.getPage()));
        violations.throwIfAny();
        return new ListLabResultsQuery(id, request.getCode(), page);
    }

    private static LabMeasurement toMeasurement(LabResult result) {
        Violations violations = new Violations();
        Instant observedAt = null;
        if (result.hasObservedAt()) {
            observedAt = RequestFields.instantOf(result.getObservedAt()).orElse(null);
            if (observedAt == null) {
                violations.add("result.observed_at", RequestFields.INVALID_TIMESTAMP);
            }
        }
        Optional<org.medicore.patient.domain.ReferenceRange> range = result.hasReferenceRange()
                ? Optional.of(new org.medicore.patient.domain.ReferenceRange(
                        result.getReferenceRange().hasLow() ? Optional.of(result.getReferenceRange().getLow()) : Optional.empty(),
                        result.getReferenceRange().hasHigh() ? Optional.of(result.getReferenceRange().getHigh()) : Optional.empty(),
                        result.getReferenceRange().getText()))
                : Optional.empty();
        Instant observed = observedAt;
        LabMeasurement measurement = violations.from(() -> new LabMeasurement(result.getTestName(), result.getCode(),
                result.getCodeSystem(), result.getValue(),
                result.hasNumericValue() ? Optional.of(result.getNumericValue()) : Optional.empty(), result.getUnit(), range,
                sameName(result.getAbnormalFlag(), org.medicore.patient.domain.AbnormalFlag.class,
                        org.medicore.patient.domain.AbnormalFlag.UNSPECIFIED),
                result.getSourceReportId(), observed));
        violations.throwIfAny();
        return measurement;
    }

    // --- shared

    static PageInfo toPageInfo(Page<?> page) {
        return PageInfo.newBuilder().setNextPageToken(page.nextPageToken()).setTotalSize(-1).build();
    }

    static <D, P> List<P> toProto(Page<D> page, Function<D, P> mapping) {
        return page.items().stream().map(mapping).toList();
    }

    private static PageRequest toPage(org.medicore.contracts.common.v1.PageRequest page) {
        return new PageRequest(page.getPageSize(), page.getPageToken());
    }

    /** Between domain and proto enums, values of the same name match; the zero value and unknown ones map to {@code otherwise}. */
    private static <T extends Enum<T>> T sameName(Enum<?> value, Class<T> type, T otherwise) {
        try {
            return Enum.valueOf(type, value.name());
        } catch (IllegalArgumentException noSuchValue) {
            return otherwise;
        }
    }

    private static LocalDate fullDate(String path, Date date, Violations violations) {
        LocalDate full = toDate(date);
        if (full == null) {
            violations.add(path, "must be a full calendar date");
        }
        return full;
    }
}
