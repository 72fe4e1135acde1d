package org.medicore.bff.patient;

import com.google.protobuf.FieldMask;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.contracts.common.v1.Address;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.AllergySeverity;
import org.medicore.contracts.patient.v1.Condition;
import org.medicore.contracts.patient.v1.ConditionStatus;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.Medication;
import org.medicore.contracts.patient.v1.Note;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;

import java.util.Arrays;

/** The one mapping place between the patient feature's GraphQL shapes and patient-service's protos. */
final class PatientProtos {

    private PatientProtos() {
    }

    static SearchPatientsRequest search(PatientInputs.PatientSearch search, int first, String after) {
        SearchPatientsRequest.Builder request = SearchPatientsRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(first).setPageToken(after == null ? "" : after));
        if (search != null) {
            if (search.familyNamePrefix() != null) {
                request.setFamilyNamePrefix(search.familyNamePrefix());
            }
            if (search.givenNamePrefix() != null) {
                request.setGivenNamePrefix(search.givenNamePrefix());
            }
            if (search.dateOfBirth() != null) {
                request.setDateOfBirth(ProtoValues.date(search.dateOfBirth()));
            }
        }
        return request.build();
    }

    /** Only the fields given are changed: the update mask names them. */
    static UpdateDemographicsRequest update(PatientInputs.UpdatePatientInput input) {
        UpdateDemographicsRequest.Builder request = UpdateDemographicsRequest.newBuilder()
                .setPatientId(input.patientId()).setExpectedVersion(input.expectedVersion());
        FieldMask.Builder mask = FieldMask.newBuilder();
        if (input.name() != null) {
            request.setName(name(input.name()));
            mask.addPaths("name");
        }
        if (input.dateOfBirth() != null) {
            request.setDateOfBirth(ProtoValues.date(input.dateOfBirth()));
            mask.addPaths("date_of_birth");
        }
        if (input.sex() != null) {
            request.setSex(Sex.valueOf(input.sex()));
            mask.addPaths("sex");
        }
        if (input.contact() != null) {
            request.setContact(contact(input.contact()));
            mask.addPaths("contact");
        }
        if (mask.getPathsCount() == 0) {
            throw new InvalidArgument("input", "names no field to change");
        }
        return request.setUpdateMask(mask).build();
    }

    static AddHistoryEntryRequest historyEntry(PatientInputs.AddHistoryEntryInput input) {
        AddHistoryEntryRequest.Builder request = AddHistoryEntryRequest.newBuilder().setPatientId(input.patientId());
        switch (input.kind()) {
            case "CONDITION" -> request.setCondition(Condition.newBuilder().setDisplay(input.text())
                    .setStatus(ConditionStatus.ACTIVE));
            case "ALLERGY" -> request.setAllergy(Allergy.newBuilder().setSubstance(input.text())
                    .setSeverity(severity(input.severity())));
            case "MEDICATION" -> request.setMedication(Medication.newBuilder().setName(input.text())
                    .setDosage(input.dosage() == null ? "" : input.dosage()));
            default -> request.setNote(Note.newBuilder().setText(input.text()));
        }
        return request.build();
    }

    static PersonName name(PatientInputs.PersonNameInput name) {
        return PersonName.newBuilder().setGiven(name.given()).setFamily(name.family()).build();
    }

    static ContactDetails contact(PatientInputs.ContactDetailsInput contact) {
        ContactDetails.Builder details = ContactDetails.newBuilder();
        if (contact.email() != null) {
            details.setEmail(contact.email());
        }
        if (contact.phone() != null) {
            details.setPhone(contact.phone());
        }
        if (contact.address() != null) {
            PatientInputs.AddressInput a = contact.address();
            Address.Builder address = Address.newBuilder();
            if (a.lines() != null) {
                address.addAllLines(a.lines());
            }
            address.setPostalCode(orEmpty(a.postalCode())).setCity(orEmpty(a.city()))
                    .setRegion(orEmpty(a.region())).setCountryCode(orEmpty(a.countryCode()));
            details.setAddress(address);
        }
        return details.build();
    }

    static History history(HistoryEntry entry) {
        String summary = switch (entry.getDetailCase()) {
            case CONDITION -> entry.getCondition().getDisplay();
            case ALLERGY -> entry.getAllergy().getSubstance() + severityText(entry.getAllergy().getSeverity());
            case MEDICATION -> entry.getMedication().getName()
                    + (entry.getMedication().getDosage().isEmpty() ? "" : " " + entry.getMedication().getDosage());
            case NOTE -> entry.getNote().getText();
            case DETAIL_NOT_SET -> "";
        };
        return new History(entry.getId(), entry.getKind().name(), summary, entry.getRecordedAt(),
                ProtoValues.orNull(entry.getAuthor().getRole()));
    }

    /** A history entry as the schema shows it. */
    record History(String id, String kind, String summary, com.google.protobuf.Timestamp recordedAt, String authorRole) {
    }

    private static AllergySeverity severity(String severity) {
        if (severity == null) {
            return AllergySeverity.ALLERGY_SEVERITY_UNSPECIFIED;
        }
        return Arrays.stream(AllergySeverity.values()).filter(s -> s.name().equals(severity)).findFirst()
                .orElseThrow(() -> new InvalidArgument("input.severity", "must be one of MILD, MODERATE, SEVERE, LIFE_THREATENING"));
    }

    private static String severityText(AllergySeverity severity) {
        String name = ProtoValues.orNull(severity);
        return name == null ? "" : " (" + name.toLowerCase().replace('_', ' ') + ")";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
