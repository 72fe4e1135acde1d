package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.localstack.TestTokens;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.patient.ProtoRequests.aLabResult;
import static org.medicore.patient.ProtoRequests.aNote;
import static org.medicore.patient.ProtoRequests.aRegistration;

/**
 * Each kind of refusal a patient use case gives reaches the caller as its status, word for word:
 * code, message and every {@code google.rpc} detail, as clients and the BFF read them.
 */
class RefusalsOverGrpcTest extends EndpointOverRealChannelTest {

    private static final String PATIENT_TYPE = "medicore.patient.v1.Patient";
    private static final String DOCTOR = TestTokens.forSubject("staff-doctor-" + UUID.randomUUID(), "DOCTOR");
    private static final String BILLING = TestTokens.forSubject("staff-billing-" + UUID.randomUUID(), "BILLING");

    @Test
    void an_unknown_patient_is_not_found_naming_the_patient() {
        String unknown = UUID.randomUUID().toString();

        assertStatus(() -> as(DOCTOR).getPatient(GetPatientRequest.newBuilder().setPatientId(unknown).build()),
                status(Code.NOT_FOUND, "no patient " + unknown,
                        ResourceInfo.newBuilder().setResourceType(PATIENT_TYPE).setResourceName(unknown).build()));
    }

    @Test
    void an_unknown_entry_to_correct_is_not_found_naming_the_entry() {
        String patientId = register(aRegistration(uniqueFamilyName("Refused")));
        String unknown = UUID.randomUUID().toString();

        assertStatus(() -> as(DOCTOR).addHistoryEntry(aNote(patientId, "fix").setSupersedesEntryId(unknown).build()),
                status(Code.NOT_FOUND, "no history entry " + unknown, ResourceInfo.newBuilder()
                        .setResourceType("medicore.patient.v1.HistoryEntry").setResourceName(unknown).build()));
    }

    @Test
    void another_patients_entry_is_a_failed_precondition_naming_the_rule_and_the_entry() {
        String patientId = register(aRegistration(uniqueFamilyName("Refused")));
        String othersEntry = as(DOCTOR).addHistoryEntry(aNote(register(aRegistration(uniqueFamilyName("Other"))), "elsewhere")
                .build()).getEntry().getId();
        String why = "the superseded entry belongs to another patient";

        assertStatus(() -> as(DOCTOR).addHistoryEntry(aNote(patientId, "fix").setSupersedesEntryId(othersEntry).build()),
                status(Code.FAILED_PRECONDITION, why, PreconditionFailure.newBuilder().addViolations(PreconditionFailure.Violation
                        .newBuilder().setType("FOREIGN_ENTRY").setSubject(othersEntry).setDescription(why)).build()));
    }

    @Test
    void what_the_caller_may_not_do_is_permission_denied_without_details() {
        String patientId = register(aRegistration(uniqueFamilyName("Refused")));

        assertStatus(() -> as(BILLING).updateDemographics(UpdateDemographicsRequest.newBuilder().setPatientId(patientId)
                        .setExpectedVersion(1).setUpdateMask(FieldMask.newBuilder().addPaths("preferred_language"))
                        .setPreferredLanguage("de").build()),
                status(Code.PERMISSION_DENIED, "the caller may not access this patient record"));
    }

    @Test
    void a_stale_version_is_aborted_naming_the_current_version() {
        String patientId = register(aRegistration(uniqueFamilyName("Refused")));
        UpdateDemographicsRequest german = UpdateDemographicsRequest.newBuilder().setPatientId(patientId).setExpectedVersion(1)
                .setUpdateMask(FieldMask.newBuilder().addPaths("preferred_language")).setPreferredLanguage("de").build();
        as(DOCTOR).updateDemographics(german);

        assertStatus(() -> as(DOCTOR).updateDemographics(german),
                status(Code.ABORTED, "the resource changed; re-read and retry", ErrorInfo.newBuilder().setReason("STALE_VERSION")
                        .setDomain("patient.medicore.org").putMetadata("current_version", "2").build()));
    }

    @Test
    void a_duplicate_registration_already_exists_naming_the_existing_patient() {
        RegisterPatientRequest anna = aRegistration(uniqueFamilyName("Refused")).build();
        String existing = register(anna.toBuilder());
        String why = "a patient with the same name, date of birth and e-mail exists";

        assertStatus(() -> as(DOCTOR).registerPatient(anna), status(Code.ALREADY_EXISTS, why + ": " + PATIENT_TYPE + " " + existing,
                ResourceInfo.newBuilder().setResourceType(PATIENT_TYPE).setResourceName(existing).setDescription(why).build()));
    }

    @Test
    void an_account_linked_to_another_patient_already_exists_naming_that_patient() {
        String subject = UUID.randomUUID().toString();
        String existing = register(aRegistration(uniqueFamilyName("Refused")).setKeycloakSubject(subject));
        String why = "the Keycloak account is linked to another patient";

        assertStatus(() -> as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Other")).setKeycloakSubject(subject).build()),
                status(Code.ALREADY_EXISTS, why + ": " + PATIENT_TYPE + " " + existing,
                        ResourceInfo.newBuilder().setResourceType(PATIENT_TYPE).setResourceName(existing).setDescription(why).build()));
    }

    @Test
    void what_only_the_use_case_finds_invalid_is_an_invalid_argument_naming_the_field() {
        String patientId = register(aRegistration(uniqueFamilyName("Refused")));
        AttachLabResultRequest first = aLabResult(patientId, Instant.parse("2026-04-30T07:00:00Z")).build();
        as(DOCTOR).attachLabResult(first);
        String why = "was used before for a different result; a retry must repeat the request unchanged";

        assertStatus(() -> as(DOCTOR).attachLabResult(first.toBuilder().setResult(first.getResult().toBuilder().setValue("14.1"))
                        .build()),
                status(Code.INVALID_ARGUMENT, "idempotency_key: " + why, BadRequest.newBuilder().addFieldViolations(
                        BadRequest.FieldViolation.newBuilder().setField("idempotency_key").setDescription(why)).build()));
    }

    private String register(RegisterPatientRequest.Builder registration) {
        return as(DOCTOR).registerPatient(registration.build()).getPatient().getId();
    }

    private static Status status(Code code, String message, Message... details) {
        Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(message);
        for (Message detail : details) {
            status.addDetails(Any.pack(detail));
        }
        return status.build();
    }

    private static void assertStatus(Runnable call, Status expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                refused -> assertThat(StatusProto.fromThrowable(refused)).isEqualTo(expected));
    }
}
