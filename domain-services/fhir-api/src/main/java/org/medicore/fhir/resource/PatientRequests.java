package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.EmergencyContact;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.Sex;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A FHIR Patient as patient-service's demographics, the reverse of {@link PatientResources}: the
 * official name (else the first), birth date, gender, the first e-mail and phone, the first address,
 * the emergency contact (v2-0131 {@code C}) and the preferred language. Values are normalised as
 * patient-service stores them (e-mail lower case, the bare language subtag), so an unchanged record
 * compares equal to the stored one and is not written again.
 */
public final class PatientRequests {

    private static final String EMERGENCY_CONTACT = "http://terminology.hl7.org/CodeSystem/v2-0131";

    private PatientRequests() {
    }

    /** The MediCore patient id the Patient names with MediCore's identifier ({@code urn:ietf:rfc:3986|urn:uuid:<id>}), if it does. */
    public static Optional<String> medicoreId(Patient patient) {
        return patient.getIdentifier().stream()
                .filter(identifier -> PatientResources.UUID_IDENTIFIER.equals(identifier.getSystem()))
                .map(Identifier::getValue).filter(value -> value != null && value.startsWith("urn:uuid:"))
                .map(value -> value.substring("urn:uuid:".length())).findFirst();
    }

    public static RegisterPatientRequest registration(Patient patient) {
        RegisterPatientRequest.Builder request = RegisterPatientRequest.newBuilder().setName(name(patient));
        if (!patient.hasBirthDateElement() || patient.getBirthDateElement().getValueAsString().length() != 10) {
            throw new InvalidResource("Patient.birthDate", "MediCore registers a patient with their full date of birth");
        }
        request.setDateOfBirth(FhirValues.protoDate(patient.getBirthDateElement().getValueAsString()));
        request.setSex(sex(patient));
        request.setContact(contact(patient));
        emergencyContact(patient).ifPresent(request::setEmergencyContact);
        preferredLanguage(patient).ifPresent(request::setPreferredLanguage);
        return request.build();
    }

    private static PersonName name(Patient patient) {
        HumanName name = patient.getName().stream().filter(given -> given.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElseGet(() -> patient.getName().isEmpty() ? new HumanName() : patient.getNameFirstRep());
        String family = text(name.getFamily());
        String given = name.getGiven().stream().map(StringType::getValue).map(PatientRequests::text).filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        if (family.isEmpty() || given.isEmpty()) {
            throw new InvalidResource("Patient.name", "MediCore registers a patient with a family and a given name");
        }
        return PersonName.newBuilder().setFamily(family).setGiven(given).build();
    }

    private static Sex sex(Patient patient) {
        if (!patient.hasGender()) {
            return Sex.SEX_UNSPECIFIED;
        }
        return switch (patient.getGender()) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            case UNKNOWN -> Sex.UNKNOWN;
            case NULL -> Sex.SEX_UNSPECIFIED;
        };
    }

    private static ContactDetails contact(Patient patient) {
        ContactDetails.Builder contact = ContactDetails.newBuilder();
        first(patient.getTelecom(), ContactPoint.ContactPointSystem.EMAIL).map(email -> email.toLowerCase(Locale.ROOT))
                .ifPresent(contact::setEmail);
        first(patient.getTelecom(), ContactPoint.ContactPointSystem.PHONE).ifPresent(contact::setPhone);
        if (contact.getEmail().isEmpty() && contact.getPhone().isEmpty()) {
            throw new InvalidResource("Patient.telecom", "MediCore reaches a patient by e-mail or phone: one of them is required");
        }
        if (patient.hasAddress()) {
            contact.setAddress(address(patient.getAddressFirstRep()));
        }
        return contact.build();
    }

    private static org.medicore.contracts.common.v1.Address address(Address given) {
        org.medicore.contracts.common.v1.Address.Builder address = org.medicore.contracts.common.v1.Address.newBuilder();
        given.getLine().stream().map(StringType::getValue).map(PatientRequests::text).filter(line -> !line.isEmpty())
                .forEach(address::addLines);
        address.setPostalCode(text(given.getPostalCode())).setCity(text(given.getCity())).setRegion(text(given.getState()))
                .setCountryCode(text(given.getCountry()).toUpperCase(Locale.ROOT));
        return address.build();
    }

    private static Optional<EmergencyContact> emergencyContact(Patient patient) {
        return patient.getContact().stream().filter(contact -> contact.getRelationship().stream().flatMap(concept -> concept.getCoding().stream())
                        .anyMatch(coding -> EMERGENCY_CONTACT.equals(coding.getSystem()) && "C".equals(coding.getCode())))
                .findFirst().map(contact -> {
                    EmergencyContact.Builder emergency = EmergencyContact.newBuilder();
                    if (contact.hasName()) {
                        emergency.setName(PersonName.newBuilder().setFamily(text(contact.getName().getFamily()))
                                .setGiven(text(contact.getName().getGivenAsSingleString())));
                    }
                    contact.getRelationship().stream().map(CodeableConcept::getText).map(PatientRequests::text)
                            .filter(relationship -> !relationship.isEmpty()).findFirst().ifPresent(emergency::setRelationship);
                    first(contact.getTelecom(), ContactPoint.ContactPointSystem.PHONE).ifPresent(emergency::setPhone);
                    first(contact.getTelecom(), ContactPoint.ContactPointSystem.EMAIL).map(email -> email.toLowerCase(Locale.ROOT))
                            .ifPresent(emergency::setEmail);
                    return emergency.build();
                });
    }

    /** The preferred language's tag as patient-service keeps it: the language subtag alone, lower case ("de-AT" is "de"). */
    private static Optional<String> preferredLanguage(Patient patient) {
        return patient.getCommunication().stream().filter(Patient.PatientCommunicationComponent::getPreferred)
                .flatMap(communication -> communication.getLanguage().getCoding().stream())
                .filter(coding -> PatientResources.BCP_47.equals(coding.getSystem())).map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank())
                .map(code -> code.split("-")[0].toLowerCase(Locale.ROOT)).findFirst();
    }

    private static Optional<String> first(List<ContactPoint> telecom, ContactPoint.ContactPointSystem system) {
        return telecom.stream().filter(point -> point.getSystem() == system).map(ContactPoint::getValue).map(PatientRequests::text)
                .filter(value -> !value.isEmpty()).findFirst();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
