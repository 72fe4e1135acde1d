package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.EmergencyContact;
import org.medicore.contracts.patient.v1.Sex;

import java.util.Optional;

/** A patient record of patient-service as a FHIR Patient. */
public final class PatientResources {

    /** The patient id is a UUID: the standard way to say so, so a partner can match it to the id of the resource. */
    public static final String UUID_IDENTIFIER = "urn:ietf:rfc:3986";
    /** The code system of language tags; patient-service keeps the preferred language as one ("en", "de"). */
    public static final String BCP_47 = "urn:ietf:bcp:47";

    private PatientResources() {
    }

    public static Patient of(org.medicore.contracts.patient.v1.Patient record) {
        Patient patient = new Patient();
        patient.setId(record.getId());
        patient.setMeta(meta(record));
        patient.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                .setSystem(UUID_IDENTIFIER).setValue("urn:uuid:" + record.getId()));
        if (record.hasName()) {
            patient.addName(name(record.getName()).setUse(HumanName.NameUse.OFFICIAL));
        }
        gender(record.getSex()).ifPresent(patient::setGender);
        FhirValues.date(record.hasDateOfBirth(), record.getDateOfBirth()).ifPresent(patient::setBirthDateElement);
        if (record.hasContact()) {
            ContactDetails contact = record.getContact();
            telecom(patient, contact.getEmail(), contact.getPhone());
            if (contact.hasAddress()) {
                patient.addAddress(address(contact.getAddress()));
            }
        }
        if (record.hasEmergencyContact()) {
            patient.addContact(emergencyContact(record.getEmergencyContact()));
        }
        if (!record.getPreferredLanguage().isBlank()) {
            patient.addCommunication(new Patient.PatientCommunicationComponent()
                    .setLanguage(FhirValues.coded(BCP_47, record.getPreferredLanguage(), null)).setPreferred(true));
        }
        return patient;
    }

    private static Meta meta(org.medicore.contracts.patient.v1.Patient record) {
        Meta meta = new Meta().setVersionId(Long.toString(record.getVersion()));
        FhirValues.instant(record.hasUpdatedAt(), record.getUpdatedAt()).ifPresent(meta::setLastUpdatedElement);
        return meta;
    }

    static HumanName name(PersonName name) {
        HumanName human = new HumanName();
        if (!name.getFamily().isBlank()) {
            human.setFamily(name.getFamily());
        }
        if (!name.getGiven().isBlank()) {
            human.addGiven(name.getGiven());
        }
        return human;
    }

    private static Optional<AdministrativeGender> gender(Sex sex) {
        return switch (sex) {
            case FEMALE -> Optional.of(AdministrativeGender.FEMALE);
            case MALE -> Optional.of(AdministrativeGender.MALE);
            case OTHER -> Optional.of(AdministrativeGender.OTHER);
            case UNKNOWN -> Optional.of(AdministrativeGender.UNKNOWN);
            case SEX_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }

    private static void telecom(Patient patient, String email, String phone) {
        if (!email.isBlank()) {
            patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email));
        }
        if (!phone.isBlank()) {
            patient.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone));
        }
    }

    private static Address address(org.medicore.contracts.common.v1.Address given) {
        Address address = new Address();
        given.getLinesList().forEach(address::addLine);
        if (!given.getPostalCode().isBlank()) {
            address.setPostalCode(given.getPostalCode());
        }
        if (!given.getCity().isBlank()) {
            address.setCity(given.getCity());
        }
        if (!given.getRegion().isBlank()) {
            address.setState(given.getRegion());
        }
        if (!given.getCountryCode().isBlank()) {
            address.setCountry(given.getCountryCode());
        }
        return address;
    }

    private static Patient.ContactComponent emergencyContact(EmergencyContact given) {
        Patient.ContactComponent contact = new Patient.ContactComponent();
        // v2 table 0131 "C" is the emergency contact; the free-text relationship ("mother") rides as its text
        CodeableConcept relationship = FhirValues.coded("http://terminology.hl7.org/CodeSystem/v2-0131", "C", null);
        if (!given.getRelationship().isBlank()) {
            relationship.setText(given.getRelationship());
        }
        contact.addRelationship(relationship);
        if (given.hasName()) {
            contact.setName(name(given.getName()));
        }
        if (!given.getPhone().isBlank()) {
            contact.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(given.getPhone()));
        }
        if (!given.getEmail().isBlank()) {
            contact.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(given.getEmail()));
        }
        return contact;
    }
}
