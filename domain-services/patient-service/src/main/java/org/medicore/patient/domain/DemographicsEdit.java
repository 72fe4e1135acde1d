package org.medicore.patient.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One change of demographics, as named by an update mask path: one per field at every depth, so a change touches nothing else. */
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

    record SetAddressLines(List<String> lines) implements DemographicsEdit {
    }

    record SetPostalCode(String postalCode) implements DemographicsEdit {
    }

    record SetCity(String city) implements DemographicsEdit {
    }

    record SetRegion(String region) implements DemographicsEdit {
    }

    record SetCountryCode(String countryCode) implements DemographicsEdit {
    }

    record SetEmergencyContact(Optional<EmergencyContact> emergencyContact) implements DemographicsEdit {
    }

    record SetEmergencyContactName(PersonName name) implements DemographicsEdit {
    }

    record SetEmergencyContactGivenName(String given) implements DemographicsEdit {
    }

    record SetEmergencyContactFamilyName(String family) implements DemographicsEdit {
    }

    record SetEmergencyContactRelationship(String relationship) implements DemographicsEdit {
    }

    record SetEmergencyContactPhone(String phone) implements DemographicsEdit {
    }

    record SetEmergencyContactEmail(String email) implements DemographicsEdit {
    }

    record SetPreferredLanguage(PreferredLanguage language) implements DemographicsEdit {
    }

    /** The demographics after all edits, validated once as a whole (edits may depend on each other). */
    static Demographics applyAll(Demographics current, List<DemographicsEdit> edits) {
        PersonName name = current.name();
        LocalDate dateOfBirth = current.dateOfBirth();
        Sex sex = current.sex();
        ContactDetails contact = current.contact();
        Optional<EmergencyContact> emergency = current.emergencyContact();
        PreferredLanguage language = current.preferredLanguage();
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
                case SetAddressLines e -> contact = contact.withAddress(address(contact).withLines(e.lines()));
                case SetPostalCode e -> contact = contact.withAddress(address(contact).withPostalCode(e.postalCode()));
                case SetCity e -> contact = contact.withAddress(address(contact).withCity(e.city()));
                case SetRegion e -> contact = contact.withAddress(address(contact).withRegion(e.region()));
                case SetCountryCode e -> contact = contact.withAddress(address(contact).withCountryCode(e.countryCode()));
                case SetEmergencyContact e -> emergency = e.emergencyContact();
                case SetEmergencyContactName e -> emergency = Optional.of(emergency(emergency).withName(e.name()));
                case SetEmergencyContactGivenName e -> emergency = Optional.of(emergency(emergency)
                        .withName(new PersonName(e.given(), emergency(emergency).name().family())));
                case SetEmergencyContactFamilyName e -> emergency = Optional.of(emergency(emergency)
                        .withName(new PersonName(emergency(emergency).name().given(), e.family())));
                case SetEmergencyContactRelationship e -> emergency = Optional.of(emergency(emergency)
                        .withRelationship(e.relationship()));
                case SetEmergencyContactPhone e -> emergency = Optional.of(emergency(emergency).withPhone(e.phone()));
                case SetEmergencyContactEmail e -> emergency = Optional.of(emergency(emergency).withEmail(e.email()));
                case SetPreferredLanguage e -> language = e.language();
            }
        }
        return new Demographics(name, dateOfBirth, sex, contact, emergency, language);
    }

    /** The address a part of it changes; an empty one when there is none yet (validation then names what is missing). */
    private static Address address(ContactDetails contact) {
        return contact.address().orElseGet(() -> new Address(List.of(), "", "", "", ""));
    }

    private static EmergencyContact emergency(Optional<EmergencyContact> current) {
        return current.orElseGet(() -> new EmergencyContact(null, "", "", ""));
    }
}
