package org.medicore.patient.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One change of demographics, as named by an update mask path. */
public sealed interface DemographicsEdit {

    record SetName(PersonName name) implements DemographicsEdit {
    }

    record SetGivenName(String given) implements DemographicsEdit {
    }

    record SetFamilyName(String family) implements DemographicsEdit {
    }

    record SetDateOfBirth(LocalDate dateOfBirth) implements DemographicsEdit {
    }

    record SetSex(Sex sex) implements DemographicsEdit {
    }

    record SetContact(ContactDetails contact) implements DemographicsEdit {
    }

    record SetEmail(String email) implements DemographicsEdit {
    }

    record SetPhone(String phone) implements DemographicsEdit {
    }

    record SetAddress(Optional<Address> address) implements DemographicsEdit {
    }

    record SetEmergencyContact(Optional<EmergencyContact> emergencyContact) implements DemographicsEdit {
    }

    /** The demographics after all edits, validated once as a whole (edits may depend on each other). */
    static Demographics applyAll(Demographics current, List<DemographicsEdit> edits) {
        PersonName name = current.name();
        LocalDate dateOfBirth = current.dateOfBirth();
        Sex sex = current.sex();
        ContactDetails contact = current.contact();
        Optional<EmergencyContact> emergency = current.emergencyContact();
        for (DemographicsEdit edit : edits) {
            switch (edit) {
                case SetName e -> name = e.name();
                case SetGivenName e -> name = new PersonName(e.given(), name.family());
                case SetFamilyName e -> name = new PersonName(name.given(), e.family());
                case SetDateOfBirth e -> dateOfBirth = e.dateOfBirth();
                case SetSex e -> sex = e.sex();
                case SetContact e -> contact = e.contact();
                case SetEmail e -> contact = new ContactDetails(e.email(), contact.phone(), contact.address());
                case SetPhone e -> contact = new ContactDetails(contact.email(), e.phone(), contact.address());
                case SetAddress e -> contact = new ContactDetails(contact.email(), contact.phone(), e.address());
                case SetEmergencyContact e -> emergency = e.emergencyContact();
            }
        }
        return new Demographics(name, dateOfBirth, sex, contact, emergency);
    }
}
