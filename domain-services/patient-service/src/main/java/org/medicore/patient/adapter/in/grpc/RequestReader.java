package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.type.Date;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ReferenceRange;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.AllergySeverity;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.BatchGetPatientsRequest;
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
import org.medicore.patient.application.port.in.BatchGetPatientsQuery;
import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.ListLabResultsQuery;
import org.medicore.patient.application.port.in.PageRequest;
import org.medicore.patient.application.port.in.RegisterPatientCommand;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.in.UpdateDemographicsCommand;
import org.medicore.patient.domain.Address;
import org.medicore.patient.domain.ClinicalDetail;
import org.medicore.patient.domain.Demographics;
import org.medicore.patient.domain.DemographicsEdit;
import org.medicore.patient.domain.FieldViolation;
import org.medicore.patient.domain.HistoryKind;
import org.medicore.patient.domain.InvalidFieldsException;
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
import java.util.function.Supplier;

/**
 * Proto to domain for one PatientService request: what patient_service.proto's rules refuse (ids,
 * page sizes, lengths), then names, dates, contacts, update masks, history details and lab results
 * as the domain's values check them ({@link #valid}), each malformed field collected as a violation
 * and read as null, so the endpoint answers all of them at once before any use case runs.
 * Responses: {@link PatientProtos}.
 */
final class RequestReader extends RequestFields {

    private static final String FULL_DATE = "must be a full calendar date";

    RequestReader(Message request) {
        super(request);
    }

    /**
     * A value that checks itself on construction (the domain's and the commands' rules); null when it
     * refused, its fields refused here, each named once.
     */
    <T> T valid(Supplier<T> selfChecking) {
        try {
            return selfChecking.get();
        } catch (InvalidFieldsException invalid) {
            refuseAll(invalid.violations());
            return null;
        }
    }

    private void refuseAll(List<FieldViolation> violations) {
        violations.forEach(violation -> refuse(violation.field(), violation.description()));
    }

    /** The patient a request names on {@code patient_id}, which its contract requires as a UUID. */
    PatientId patientId(String value) {
        return valid(() -> new PatientId(value));
    }

    RegisterPatientCommand registration(RegisterPatientRequest request) {
        Demographics demographics = valid(() -> new Demographics(toName(request.getName()), toDate(request.getDateOfBirth()),
                toSex(request.getSex()), toContact(request.getContact()),
                request.hasEmergencyContact() ? Optional.of(toEmergencyContact(request.getEmergencyContact())) : Optional.empty(),
                new PreferredLanguage(request.getPreferredLanguage())));
        return valid(() -> new RegisterPatientCommand(demographics, Optional.of(request.getKeycloakSubject()),
                request.getRegisteredAtClinicId()));
    }

    /** 1 to {@value #MAX_BATCH_IDS} patient ids, each a UUID named with its index; null when any is refused. */
    BatchGetPatientsQuery patients(BatchGetPatientsRequest request) {
        if (request.getPatientIdsCount() == 0) {
            refuse("patient_ids", "at least one id is required");
        }
        List<PatientId> ids = batch(request.getPatientIdsList(), "patient_ids",
                (value, path) -> uuid(value, path) == null ? null : new PatientId(value));
        return isValid() ? new BatchGetPatientsQuery(ids) : null;
    }

    SearchPatientsQuery search(SearchPatientsRequest request) {
        LocalDate dateOfBirth = request.hasDateOfBirth() ? fullDate("date_of_birth", request.getDateOfBirth()) : null;
        // A malformed date is still the criterion the caller gave: a stand-in lets the query name its
        // other malformed fields without asking for a criterion as well.
        Optional<LocalDate> criterion = request.hasDateOfBirth()
                ? Optional.of(dateOfBirth == null ? LocalDate.EPOCH : dateOfBirth) : Optional.empty();
        return valid(() -> new SearchPatientsQuery(request.getFamilyNamePrefix(), request.getGivenNamePrefix(), criterion,
                request.getPage().getPageSize(), request.getPage().getPageToken()));
    }

    UpdateDemographicsCommand update(UpdateDemographicsRequest request) {
        PatientId id = patientId(request.getPatientId());
        List<DemographicsEdit> edits = edits(request.getUpdateMask(), request);
        return valid(() -> new UpdateDemographicsCommand(id, request.getExpectedVersion(), edits));
    }

    /** The edits the mask names; their values are checked where they meet the stored record (the use case). */
    private List<DemographicsEdit> edits(FieldMask mask, UpdateDemographicsRequest request) {
        List<DemographicsEdit> edits = new ArrayList<>();
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
                default -> refuse("update_mask", "unknown or unchangeable field \"" + path + "\"");
            }
        }
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

    AddHistoryEntryCommand historyEntry(AddHistoryEntryRequest request) {
        PatientId id = patientId(request.getPatientId());
        ClinicalDetail detail = switch (request.getDetailCase()) {
            case CONDITION -> condition(request.getCondition());
            case ALLERGY -> valid(() -> allergy(request.getAllergy()));
            case MEDICATION -> medication(request.getMedication());
            case NOTE -> valid(() -> new ClinicalDetail.Note(request.getNote().getText()));
            case DETAIL_NOT_SET -> {
                refuse("detail", AddHistoryEntryCommand.DETAIL_REQUIRED);
                yield null;
            }
        };
        Optional<UUID> supersedes = request.getSupersedesEntryId().isEmpty() ? Optional.empty()
                : Optional.ofNullable(ruledUuid(request.getSupersedesEntryId()));
        return isValid() ? new AddHistoryEntryCommand(id, detail, supersedes) : null;
    }

    ListHistoryQuery historyQuery(ListHistoryRequest request) {
        PatientId id = patientId(request.getPatientId());
        Set<HistoryKind> kinds = EnumSet.noneOf(HistoryKind.class);
        for (HistoryEntryKind kind : request.getKindsList()) {
            if (kind == HistoryEntryKind.HISTORY_ENTRY_KIND_UNSPECIFIED || kind == HistoryEntryKind.UNRECOGNIZED) {
                refuse("kinds", "must name kinds: CONDITION, ALLERGY, MEDICATION or NOTE");
            } else {
                kinds.add(HistoryKind.valueOf(kind.name()));
            }
        }
        return new ListHistoryQuery(id, kinds, request.getIncludeSuperseded(), request.getNewestFirst(), page(request.getPage()));
    }

    private ClinicalDetail.Condition condition(Condition condition) {
        Optional<PartialDate> onset = condition.hasOnsetDate()
                ? Optional.ofNullable(valid(() -> PartialDate.of("condition.onset_date", condition.getOnsetDate().getYear(),
                        condition.getOnsetDate().getMonth(), condition.getOnsetDate().getDay())))
                : Optional.empty();
        return valid(() -> new ClinicalDetail.Condition(condition.getDisplay(), condition.getCode(), condition.getCodeSystem(),
                sameName(condition.getStatus(), ClinicalDetail.ConditionStatus.class, ClinicalDetail.ConditionStatus.UNSPECIFIED),
                onset));
    }

    private static ClinicalDetail.Allergy allergy(Allergy allergy) {
        return new ClinicalDetail.Allergy(allergy.getSubstance(), allergy.getCode(), allergy.getReaction(),
                sameName(allergy.getSeverity(), ClinicalDetail.AllergySeverity.class, ClinicalDetail.AllergySeverity.UNSPECIFIED));
    }

    private ClinicalDetail.Medication medication(Medication medication) {
        Optional<LocalDate> start = medication.hasStartDate()
                ? Optional.ofNullable(fullDate("medication.start_date", medication.getStartDate())) : Optional.empty();
        Optional<LocalDate> end = medication.hasEndDate()
                ? Optional.ofNullable(fullDate("medication.end_date", medication.getEndDate())) : Optional.empty();
        return valid(() -> new ClinicalDetail.Medication(medication.getName(), medication.getCode(), medication.getDosage(),
                start, end));
    }

    // --- lab results

    AttachLabResultCommand labResult(AttachLabResultRequest request) {
        refuseAll(AttachLabResultCommand.checkIdempotencyKey(request.getIdempotencyKey(), new Violations()).list());
        PatientId id = patientId(request.getPatientId());
        LabMeasurement measurement = null;
        if (!request.hasResult()) {
            refuse("result", "is required");
        } else {
            measurement = measurement(request.getResult());
            String resultPatient = request.getResult().getPatientId();
            if (!resultPatient.isEmpty() && !resultPatient.equals(request.getPatientId())) {
                refuse("result.patient_id", "must be empty or equal patient_id");
            }
        }
        return isValid() ? new AttachLabResultCommand(request.getIdempotencyKey(), id, measurement) : null;
    }

    ListLabResultsQuery labResultsQuery(ListLabResultsRequest request) {
        return new ListLabResultsQuery(patientId(request.getPatientId()), request.getCode(), page(request.getPage()));
    }

    private LabMeasurement measurement(LabResult result) {
        Instant observedAt = instant(result.hasObservedAt(), result.getObservedAt(), "result.observed_at").orElse(null);
        Optional<org.medicore.patient.domain.ReferenceRange> range = result.hasReferenceRange()
                ? Optional.of(new org.medicore.patient.domain.ReferenceRange(
                        result.getReferenceRange().hasLow() ? Optional.of(result.getReferenceRange().getLow()) : Optional.empty(),
                        result.getReferenceRange().hasHigh() ? Optional.of(result.getReferenceRange().getHigh()) : Optional.empty(),
                        result.getReferenceRange().getText()))
                : Optional.empty();
        return valid(() -> new LabMeasurement(result.getTestName(), result.getCode(),
                result.getCodeSystem(), result.getValue(),
                result.hasNumericValue() ? Optional.of(result.getNumericValue()) : Optional.empty(), result.getUnit(), range,
                sameName(result.getAbnormalFlag(), org.medicore.patient.domain.AbnormalFlag.class,
                        org.medicore.patient.domain.AbnormalFlag.UNSPECIFIED),
                result.getSourceReportId(), observedAt));
    }

    // --- shared

    /** The page asked for; a negative size is refused by the shared PageRequest's contract. */
    private PageRequest page(org.medicore.contracts.common.v1.PageRequest page) {
        return valid(() -> new PageRequest(page.getPageSize(), page.getPageToken()));
    }

    /** Between domain and proto enums, values of the same name match; the zero value and unknown ones map to {@code otherwise}. */
    private static <T extends Enum<T>> T sameName(Enum<?> value, Class<T> type, T otherwise) {
        try {
            return Enum.valueOf(type, value.name());
        } catch (IllegalArgumentException noSuchValue) {
            return otherwise;
        }
    }

    private LocalDate fullDate(String path, Date date) {
        LocalDate full = toDate(date);
        if (full == null) {
            refuse(path, FULL_DATE);
        }
        return full;
    }
}
