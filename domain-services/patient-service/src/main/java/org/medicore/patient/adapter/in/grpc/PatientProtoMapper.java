package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.EmergencyContact;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.patient.application.port.in.RegisterPatientCommand;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.in.UpdateDemographicsCommand;
import org.medicore.patient.domain.Address;
import org.medicore.patient.domain.Demographics;
import org.medicore.patient.domain.DemographicsEdit;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.Violations;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one mapping place between the PatientService protos and the domain. */
final class PatientProtoMapper {

    private PatientProtoMapper() {
    }

    static RegisterPatientCommand toCommand(RegisterPatientRequest request) {
        Demographics demographics = new Demographics(toName(request.getName()), toDate(request.getDateOfBirth()),
                toSex(request.getSex()), toContact(request.getContact()),
                request.hasEmergencyContact() ? Optional.of(toEmergencyContact(request.getEmergencyContact())) : Optional.empty());
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
                case "emergency_contact" -> edits.add(new DemographicsEdit.SetEmergencyContact(request.hasEmergencyContact()
                        ? Optional.of(toEmergencyContact(request.getEmergencyContact())) : Optional.empty()));
                default -> violations.add("update_mask", "unknown or unchangeable field \"" + path + "\"");
            }
        }
        violations.throwIfAny();
        return edits;
    }

    static Patient toProto(org.medicore.patient.domain.Patient patient) {
        Demographics d = patient.demographics();
        ContactDetails.Builder contact = ContactDetails.newBuilder().setEmail(d.contact().email()).setPhone(d.contact().phone());
        d.contact().address().ifPresent(a -> contact.setAddress(org.medicore.contracts.common.v1.Address.newBuilder()
                .addAllLines(a.lines()).setPostalCode(a.postalCode()).setCity(a.city()).setRegion(a.region())
                .setCountryCode(a.countryCode())));
        Patient.Builder proto = Patient.newBuilder()
                .setId(patient.id().value())
                .setName(toProto(d.name()))
                .setDateOfBirth(Date.newBuilder().setYear(d.dateOfBirth().getYear())
                        .setMonth(d.dateOfBirth().getMonthValue()).setDay(d.dateOfBirth().getDayOfMonth()))
                .setSex(toProto(d.sex()))
                .setContact(contact)
                .setKeycloakSubject(patient.keycloakSubject().orElse(""))
                .setRegisteredAtClinicId(patient.registeredAtClinicId())
                .setVersion(patient.version())
                .setCreatedAt(toTimestamp(patient.createdAt()))
                .setUpdatedAt(toTimestamp(patient.updatedAt()));
        d.emergencyContact().ifPresent(e -> proto.setEmergencyContact(EmergencyContact.newBuilder()
                .setName(toProto(e.name())).setRelationship(e.relationship()).setPhone(e.phone()).setEmail(e.email())));
        return proto.build();
    }

    private static Sex toProto(org.medicore.patient.domain.Sex sex) {
        return switch (sex) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            case UNKNOWN -> Sex.UNKNOWN;
            case UNSPECIFIED -> Sex.SEX_UNSPECIFIED;
        };
    }

    private static PersonName toProto(org.medicore.patient.domain.PersonName name) {
        return PersonName.newBuilder().setGiven(name.given()).setFamily(name.family()).build();
    }

    private static Timestamp toTimestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
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
}
