package org.medicore.appointment.support;

import org.medicore.appointment.application.port.in.ManagePractitioners.NewPractitioner;
import org.medicore.appointment.domain.PersonName;

import java.time.ZoneId;
import java.util.Optional;

/** {@code aPractitioner().named("Grace", "Hopper").atClinic("clinic-7").build()} */
public final class PractitionerBuilder {

    private PersonName name = new PersonName("Ada", "Lovelace");
    private String specialty = "Cardiology";
    private String department = "Internal Medicine";
    private String clinicId = "clinic-1";
    private String keycloakSubject;

    public static PractitionerBuilder aPractitioner() {
        return new PractitionerBuilder();
    }

    public PractitionerBuilder named(String given, String family) {
        this.name = new PersonName(given, family);
        return this;
    }

    public PractitionerBuilder specialisedIn(String specialty) {
        this.specialty = specialty;
        return this;
    }

    public PractitionerBuilder inDepartment(String department) {
        this.department = department;
        return this;
    }

    public PractitionerBuilder atClinic(String clinicId) {
        this.clinicId = clinicId;
        return this;
    }

    /** Linked to the Keycloak account {@code subject}; null for none. */
    public PractitionerBuilder withAccount(String subject) {
        this.keycloakSubject = subject;
        return this;
    }

    public NewPractitioner build() {
        return new NewPractitioner(name, specialty, department, clinicId, ZoneId.of("Europe/Berlin"),
                Optional.ofNullable(keycloakSubject));
    }
}
