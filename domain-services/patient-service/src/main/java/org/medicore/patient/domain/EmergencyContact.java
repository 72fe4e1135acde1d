package org.medicore.patient.domain;

import java.util.Locale;

public record EmergencyContact(PersonName name, String relationship, String phone, String email) {

    public EmergencyContact {
        name = name == null ? new PersonName("", "") : name;
        relationship = relationship == null ? "" : relationship.strip();
        phone = phone == null ? "" : phone.strip();
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public EmergencyContact withName(PersonName newName) {
        return new EmergencyContact(newName, relationship, phone, email);
    }

    public EmergencyContact withRelationship(String newRelationship) {
        return new EmergencyContact(name, newRelationship, phone, email);
    }

    public EmergencyContact withPhone(String newPhone) {
        return new EmergencyContact(name, relationship, newPhone, email);
    }

    public EmergencyContact withEmail(String newEmail) {
        return new EmergencyContact(name, relationship, phone, newEmail);
    }

    void check(String path, Violations violations) {
        name.check(path + ".name", violations);
        violations.required(path + ".phone", phone).phone(path + ".phone", phone)
                .email(path + ".email", email)
                .maxLength(path + ".relationship", relationship, 100);
    }
}
