package org.medicore.bff.registration;

import graphql.GraphQLContext;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.GetPatientRequest;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Self-registration, a saga of two steps that may each repeat: the Keycloak account (its subject
 * becomes the patient id), then the record in patient-service for it. A retry by the same
 * person (same e-mail and password) within the retry window is answered with the record that
 * exists; a half-done registration is completed. A refused record removes the new account
 * again; a lost answer never does: the BFF asks patient-service whether the record is there,
 * and if even that goes unanswered the account stays, for the person's retry to complete.
 */
@Controller
class RegistrationController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MIN_PASSWORD = 12;
    /** What patient-service decided, as opposed to an answer that got lost on the way. */
    private static final Set<Status.Code> REFUSALS = Set.of(Status.Code.INVALID_ARGUMENT, Status.Code.ALREADY_EXISTS,
            Status.Code.PERMISSION_DENIED, Status.Code.FAILED_PRECONDITION, Status.Code.UNAUTHENTICATED);

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
        KeycloakAccounts.PatientAccount account = accounts.patientAccount(new KeycloakAccounts.NewAccount(
                input.email().strip(), input.name().given().strip(), input.name().family().strip(), input.password()));
        Caller asClinic = Caller.of(context).actingWith(accounts.serviceToken());
        RegisterPatientRequest request = RegisterPatientRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven(input.name().given().strip()).setFamily(input.name().family().strip()))
                .setDateOfBirth(ProtoValues.date(input.dateOfBirth()))
                .setSex(input.sex() == null ? Sex.SEX_UNSPECIFIED : Sex.valueOf(input.sex()))
                .setContact(ContactDetails.newBuilder().setEmail(input.email().strip())
                        .setPhone(input.phone() == null ? "" : input.phone()))
                .setKeycloakSubject(account.subject()).build();
        return new RegisterPatientPayload(switch (account) {
            case KeycloakAccounts.PatientAccount.Created created -> record(request, asClinic, true);
            case KeycloakAccounts.PatientAccount.Existing existing -> recordOf(existing.subject(), asClinic)
                    .map(found -> answerRetry(existing, found))
                    .orElseGet(() -> record(request, asClinic, false));
        });
    }

    /** The same person again: within the window a retry, answered with their record; later they sign in instead. */
    private Patient answerRetry(KeycloakAccounts.PatientAccount.Existing account, Patient record) {
        if (!account.recent()) {
            throw new InvalidArgument("input.email", "an account with this e-mail address exists already");
        }
        return record;
    }

    /**
     * Stores the record for the account. A refusal is final: a new account is removed again. Any
     * other failure may have stored it: the record is looked up, and registered again if it is
     * not there (patient-service answers a repeat for the same account with the stored record).
     */
    private Patient record(RegisterPatientRequest request, Caller asClinic, boolean newAccount) {
        try {
            return services.patients(asClinic).registerPatient(request).getPatient();
        } catch (StatusRuntimeException failure) {
            if (REFUSALS.contains(failure.getStatus().getCode())) {
                if (newAccount) {
                    accounts.delete(request.getKeycloakSubject());
                }
                throw failure;
            }
            return recordOf(request.getKeycloakSubject(), asClinic)
                    .orElseGet(() -> services.patients(asClinic).registerPatient(request).getPatient());
        }
    }

    /** The account's record, asked for as the clinic; empty when patient-service says there is none. */
    private Optional<Patient> recordOf(String subject, Caller asClinic) {
        try {
            return Optional.of(services.patients(asClinic).getPatient(GetPatientRequest.newBuilder().setPatientId(subject).build())
                    .getPatient());
        } catch (StatusRuntimeException failure) {
            if (failure.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure;
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
        if (input.name().given() == null || input.name().given().isBlank()) {
            violations.add(new InvalidArgument.Violation("input.name.given", "is required"));
        }
        if (input.name().family() == null || input.name().family().isBlank()) {
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
