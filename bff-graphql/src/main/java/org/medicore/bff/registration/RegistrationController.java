package org.medicore.bff.registration;

import graphql.GraphQLContext;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.support.validation.PlainText;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Self-registration: the Keycloak account first (its subject becomes the patient id), then the
 * record in patient-service; if the record is refused, the account is deleted again, so a failure
 * half-way leaves neither.
 */
@Controller
class RegistrationController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MIN_PASSWORD = 12;

    private final KeycloakAccounts accounts;
    private final ServiceStubs services;

    RegistrationController(KeycloakAccounts accounts, ServiceStubs services) {
        this.accounts = accounts;
        this.services = services;
    }

    record Name(String given, String family) {
    }

    record RegisterPatientInput(Name name, LocalDate dateOfBirth, String sex, String email, String phone, String password) {
    }

    record RegisterPatientPayload(Patient patient) {
    }

    @MutationMapping
    RegisterPatientPayload registerPatient(@Argument RegisterPatientInput input, GraphQLContext context) {
        validate(input);
        String subject = accounts.createPatientAccount(new KeycloakAccounts.NewAccount(input.email().strip(),
                input.name().given().strip(), input.name().family().strip(), input.password()));
        try {
            Caller asClinic = Caller.of(context).actingWith(accounts.serviceToken());
            Patient patient = services.patients(asClinic).registerPatient(RegisterPatientRequest.newBuilder()
                    .setName(PersonName.newBuilder().setGiven(input.name().given().strip()).setFamily(input.name().family().strip()))
                    .setDateOfBirth(ProtoValues.date(input.dateOfBirth()))
                    .setSex(input.sex() == null ? Sex.SEX_UNSPECIFIED : Sex.valueOf(input.sex()))
                    .setContact(ContactDetails.newBuilder().setEmail(input.email().strip())
                            .setPhone(input.phone() == null ? "" : input.phone()))
                    .setKeycloakSubject(subject).build()).getPatient();
            return new RegisterPatientPayload(patient);
        } catch (RuntimeException refused) {
            accounts.delete(subject);
            throw refused;
        }
    }

    private static void validate(RegisterPatientInput input) {
        List<InvalidArgument.Violation> violations = new ArrayList<>();
        if (input.email() == null || !EMAIL.matcher(input.email().strip()).matches()) {
            violations.add(new InvalidArgument.Violation("input.email", "must be an e-mail address"));
        }
        if (input.password() == null || input.password().length() < MIN_PASSWORD) {
            violations.add(new InvalidArgument.Violation("input.password", "must have at least " + MIN_PASSWORD + " characters"));
        }
        plainText("input.name.given", input.name().given(), violations);
        plainText("input.name.family", input.name().family(), violations);
        plainText("input.email", input.email(), violations);
        plainText("input.phone", input.phone(), violations);
        if (input.name().given().isBlank()) {
            violations.add(new InvalidArgument.Violation("input.name.given", "is required"));
        }
        if (input.name().family().isBlank()) {
            violations.add(new InvalidArgument.Violation("input.name.family", "is required"));
        }
        if (input.dateOfBirth().isAfter(LocalDate.now())) {
            violations.add(new InvalidArgument.Violation("input.dateOfBirth", "must not be in the future"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgument(violations);
        }
    }

    /** The services' one rule for text, here before anything reaches Keycloak. */
    private static void plainText(String field, String value, List<InvalidArgument.Violation> violations) {
        if (value != null && !PlainText.allowed(value, false)) {
            violations.add(new InvalidArgument.Violation(field, PlainText.ONE_LINE));
        }
    }
}
