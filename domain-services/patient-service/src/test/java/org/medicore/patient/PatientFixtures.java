package org.medicore.patient;

import org.medicore.patient.application.port.in.RegisterPatientCommand;
import org.medicore.patient.domain.Address;
import org.medicore.patient.domain.ContactDetails;
import org.medicore.patient.domain.Demographics;
import org.medicore.patient.domain.EmergencyContact;
import org.medicore.patient.domain.PersonName;
import org.medicore.patient.domain.PreferredLanguage;
import org.medicore.patient.domain.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builders for the test patients: {@code aPatient().named("Anna", "Schmidt").bornOn(...).registration()}. */
public final class PatientFixtures {

    private String given = "Anna";
    private String family = "Schmidt";
    private LocalDate dateOfBirth = LocalDate.of(1985, 3, 14);
    private String email = "anna." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private String phone = "+4930123456";
    private Optional<String> keycloakSubject = Optional.empty();
    private PreferredLanguage language = PreferredLanguage.NOT_CHOSEN;

    private PatientFixtures() {
    }

    public static PatientFixtures aPatient() {
        return new PatientFixtures();
    }

    public PatientFixtures named(String given, String family) {
        this.given = given;
        this.family = family;
        return this;
    }

    public PatientFixtures bornOn(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
        return this;
    }

    public PatientFixtures withEmail(String email) {
        this.email = email;
        return this;
    }

    public PatientFixtures speaking(String languageTag) {
        this.language = new PreferredLanguage(languageTag);
        return this;
    }

    public PatientFixtures ownedBy(String keycloakSubject) {
        this.keycloakSubject = Optional.of(keycloakSubject);
        return this;
    }

    public Demographics demographics() {
        return new Demographics(new PersonName(given, family), dateOfBirth, Sex.FEMALE,
                new ContactDetails(email, phone, Optional.of(new Address(List.of("Hauptstrasse 5"), "10115", "Berlin", "", "DE"))),
                Optional.of(new EmergencyContact(new PersonName("Max", family), "partner", "+4930987654", "")), language);
    }

    public RegisterPatientCommand registration() {
        return new RegisterPatientCommand(demographics(), keycloakSubject, "clinic-berlin");
    }

    public String email() {
        return email;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }
}
