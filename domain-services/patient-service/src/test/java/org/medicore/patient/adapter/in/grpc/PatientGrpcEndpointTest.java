package org.medicore.patient.adapter.in.grpc;

import org.medicore.localstack.TestTokens;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import com.google.type.Date;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.BatchGetPatientsRequest;
import org.medicore.contracts.patient.v1.BatchGetPatientsResponse;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.SearchPatientsResponse;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.support.grpc.RefusalDetails.detail;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;
import static org.medicore.patient.ProtoRequests.aRegistration;

class PatientGrpcEndpointTest extends EndpointOverRealChannelTest {

    private static final String DOCTOR = TestTokens.forSubject("staff-doctor-" + UUID.randomUUID(), "DOCTOR");
    private static final String BILLING = TestTokens.forSubject("staff-billing-" + UUID.randomUUID(), "BILLING");

    @Test
    void a_doctor_registers_a_patient_and_reads_it_back() {
        Patient registered = as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Schmidt")).build()).getPatient();

        Patient read = as(DOCTOR).getPatient(GetPatientRequest.newBuilder().setPatientId(registered.getId()).build()).getPatient();

        assertThat(registered.getVersion()).isEqualTo(1);
        assertThat(read).isEqualTo(registered);
        assertThat(read.getContact().getEmail()).isEqualTo(read.getContact().getEmail().toLowerCase());
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("name.given", (UnaryOperator<RegisterPatientRequest.Builder>) r -> r.setName(r.getName().toBuilder().setGiven(" "))),
                Arguments.of("name.family", (UnaryOperator<RegisterPatientRequest.Builder>) r -> r.setName(r.getName().toBuilder().setFamily(""))),
                Arguments.of("date_of_birth", (UnaryOperator<RegisterPatientRequest.Builder>) r -> r.setDateOfBirth(Date.newBuilder().setYear(2999).setMonth(1).setDay(1))),
                Arguments.of("date_of_birth", (UnaryOperator<RegisterPatientRequest.Builder>) r -> r.setDateOfBirth(Date.newBuilder().setYear(1990).setMonth(2).setDay(30))),
                Arguments.of("contact.email", (UnaryOperator<RegisterPatientRequest.Builder>) r -> r.setContact(r.getContact().toBuilder().setEmail("anna(at)example"))),
                Arguments.of("contact.phone", (UnaryOperator<RegisterPatientRequest.Builder>) r -> r.setContact(r.getContact().toBuilder().setPhone("030 12345"))),
                Arguments.of("emergency_contact.phone", (UnaryOperator<RegisterPatientRequest.Builder>) r -> r.setEmergencyContact(
                        r.getEmergencyContactBuilder().setName(PersonName.newBuilder().setGiven("Max").setFamily("M")).setPhone(""))),
                Arguments.of("preferred_language", (UnaryOperator<RegisterPatientRequest.Builder>) r -> r.setPreferredLanguage("fr-FR")),
                Arguments.of("preferred_language", (UnaryOperator<RegisterPatientRequest.Builder>) r -> r.setPreferredLanguage("de!")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void an_invalid_field_is_named_in_a_bad_request_and_nothing_is_stored(String field, UnaryOperator<RegisterPatientRequest.Builder> breakIt) {
        String family = uniqueFamilyName("Invalid");
        RegisterPatientRequest request = breakIt.apply(aRegistration(family)).build();

        assertThatThrownBy(() -> as(DOCTOR).registerPatient(request)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(violatedFields(e)).containsExactly(field);
        });
        assertThat(searchFamily(DOCTOR, family.substring(0, family.length() - 1), 10, "").getPatientsList()).isEmpty();
    }

    @Test
    void the_preferred_language_is_kept_as_the_language_alone_and_cleared_by_an_empty_one() {
        Patient registered = as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Sprache"))
                .setPreferredLanguage("DE-at").build()).getPatient();
        FieldMask language = FieldMask.newBuilder().addPaths("preferred_language").build();

        Patient english = as(DOCTOR).updateDemographics(UpdateDemographicsRequest.newBuilder().setPatientId(registered.getId())
                .setExpectedVersion(1).setUpdateMask(language).setPreferredLanguage("en-GB").build()).getPatient();
        Patient cleared = as(DOCTOR).updateDemographics(UpdateDemographicsRequest.newBuilder().setPatientId(registered.getId())
                .setExpectedVersion(2).setUpdateMask(language).build()).getPatient();

        assertThat(registered.getPreferredLanguage()).isEqualTo("de");
        assertThat(english.getPreferredLanguage()).isEqualTo("en");
        assertThat(cleared.getPreferredLanguage()).isEmpty();
        assertThat(as(DOCTOR).getPatient(get(registered.getId())).getPatient()).isEqualTo(cleared);
    }

    @Test
    void a_duplicate_registration_is_refused_naming_the_existing_patient() {
        RegisterPatientRequest request = aRegistration(uniqueFamilyName("Duplicate")).build();
        Patient first = as(DOCTOR).registerPatient(request).getPatient();

        assertThatThrownBy(() -> as(DOCTOR).registerPatient(request)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
            assertThat(detail(e, ResourceInfo.class).getResourceName()).isEqualTo(first.getId());
        });
    }

    @Test
    void a_patient_reads_their_own_record_and_is_refused_anyone_elses() {
        String subject = UUID.randomUUID().toString();
        Patient own = as(TestTokens.forSubject(subject, "PATIENT")).registerPatient(aRegistration(uniqueFamilyName("Own")).build()).getPatient();
        Patient other = as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Other")).build()).getPatient();

        assertThat(own.getKeycloakSubject()).isEqualTo(subject);
        assertThat(as(TestTokens.forSubject(subject, "PATIENT")).getPatient(get(own.getId())).getPatient().getId()).isEqualTo(own.getId());
        assertThatThrownBy(() -> as(TestTokens.forSubject(subject, "PATIENT")).getPatient(get(other.getId())))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void billing_staff_read_demographics_but_may_not_change_them() {
        Patient patient = as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Billed")).build()).getPatient();

        assertThat(as(BILLING).getPatient(get(patient.getId())).getPatient().getId()).isEqualTo(patient.getId());
        assertThatThrownBy(() -> as(BILLING).updateDemographics(changeSex(patient.getId(), 1, Sex.OTHER)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void a_stale_version_is_aborted_and_overwrites_nothing() {
        Patient patient = as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Locked")).build()).getPatient();
        Patient changed = as(DOCTOR).updateDemographics(changeSex(patient.getId(), 1, Sex.OTHER)).getPatient();

        assertThatThrownBy(() -> as(DOCTOR).updateDemographics(changeSex(patient.getId(), 1, Sex.MALE)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    ErrorInfo info = detail(e, ErrorInfo.class);
                    assertThat(info.getReason()).isEqualTo("STALE_VERSION");
                    assertThat(info.getMetadataMap()).containsEntry("current_version", "2");
                });
        Patient stored = as(DOCTOR).getPatient(get(patient.getId())).getPatient();
        assertThat(changed.getVersion()).isEqualTo(2);
        assertThat(stored.getSex()).isEqualTo(Sex.OTHER);
        assertThat(stored.getVersion()).isEqualTo(2);
    }

    @Test
    void an_invalid_change_names_the_field_and_keeps_the_stored_record() {
        Patient patient = as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Kept")).build()).getPatient();
        UpdateDemographicsRequest badEmail = UpdateDemographicsRequest.newBuilder().setPatientId(patient.getId()).setExpectedVersion(1)
                .setUpdateMask(FieldMask.newBuilder().addPaths("contact.email"))
                .setContact(ContactDetails.newBuilder().setEmail("nope")).build();

        assertThatThrownBy(() -> as(DOCTOR).updateDemographics(badEmail)).isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                assertThat(violatedFields(e))
                        .containsExactly("contact.email"));
        assertThat(as(DOCTOR).getPatient(get(patient.getId())).getPatient()).isEqualTo(patient);
    }

    @Test
    void batch_get_answers_in_request_order_and_lists_unknown_and_invisible_ids_as_missing() {
        String subject = UUID.randomUUID().toString();
        Patient own = as(TestTokens.forSubject(subject, "PATIENT")).registerPatient(aRegistration(uniqueFamilyName("Batch")).build()).getPatient();
        Patient other = as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Batch")).build()).getPatient();
        String unknown = UUID.randomUUID().toString();
        BatchGetPatientsRequest request = BatchGetPatientsRequest.newBuilder()
                .addAllPatientIds(List.of(other.getId(), unknown, own.getId())).build();

        BatchGetPatientsResponse forDoctor = as(DOCTOR).batchGetPatients(request);
        BatchGetPatientsResponse forPatient = as(TestTokens.forSubject(subject, "PATIENT")).batchGetPatients(request);

        assertThat(forDoctor.getPatientsList()).extracting(Patient::getId).containsExactly(other.getId(), own.getId());
        assertThat(forDoctor.getMissingPatientIdsList()).containsExactly(unknown);
        assertThat(forPatient.getPatientsList()).extracting(Patient::getId).containsExactly(own.getId());
        assertThat(forPatient.getMissingPatientIdsList()).containsExactly(other.getId(), unknown);
    }

    @Test
    void search_pages_through_matching_names_in_name_order_ignoring_case_and_accents() {
        String family = uniqueFamilyName("Müller");
        for (String given : List.of("Carla", "Anna", "Berta")) {
            as(DOCTOR).registerPatient(aRegistration(family).setName(PersonName.newBuilder().setGiven(given).setFamily(family)).build());
        }
        String prefix = "MULLER" + family.substring(6, 10);

        SearchPatientsResponse first = searchFamily(DOCTOR, prefix, 2, "");
        SearchPatientsResponse second = searchFamily(DOCTOR, prefix, 2, first.getPageInfo().getNextPageToken());

        assertThat(first.getPatientsList()).extracting(p -> p.getName().getGiven()).containsExactly("Anna", "Berta");
        assertThat(first.getPageInfo().getNextPageToken()).isNotEmpty();
        assertThat(second.getPatientsList()).extracting(p -> p.getName().getGiven()).containsExactly("Carla");
        assertThat(second.getPageInfo().getNextPageToken()).isEmpty();
    }

    @Test
    void search_by_date_of_birth_finds_patients_born_that_day() {
        String family = uniqueFamilyName("Born");
        Date day = Date.newBuilder().setYear(1901).setMonth(1 + (int) (Math.random() * 12)).setDay(1 + (int) (Math.random() * 28)).build();
        Patient born = as(DOCTOR).registerPatient(aRegistration(family).setDateOfBirth(day).build()).getPatient();

        SearchPatientsResponse found = as(DOCTOR).searchPatients(SearchPatientsRequest.newBuilder().setDateOfBirth(day).build());

        assertThat(found.getPatientsList()).extracting(Patient::getId).contains(born.getId());
        assertThat(found.getPatientsList()).allSatisfy(p -> assertThat(p.getDateOfBirth()).isEqualTo(day));
    }

    @Test
    void a_call_without_a_valid_token_is_unauthenticated() {
        var anonymous = client.anonymous();
        String wrongAudience = TestTokens.forAnotherAudience("x", "ADMIN");
        String expired = TestTokens.expired("x", "ADMIN");
        GetPatientRequest request = get(UUID.randomUUID().toString());

        // as("") sends "Bearer " with nothing after it, which once ended UNKNOWN here.
        for (var stub : List.of(anonymous, as(wrongAudience), as(expired), as("not-a-jwt"), as(""))) {
            assertThatThrownBy(() -> stub.getPatient(request)).isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
    }

    private SearchPatientsResponse searchFamily(String token, String prefix, int pageSize, String pageToken) {
        return as(token).searchPatients(SearchPatientsRequest.newBuilder().setFamilyNamePrefix(prefix)
                .setPage(PageRequest.newBuilder().setPageSize(pageSize).setPageToken(pageToken)).build());
    }

    private static GetPatientRequest get(String id) {
        return GetPatientRequest.newBuilder().setPatientId(id).build();
    }

    private static UpdateDemographicsRequest changeSex(String id, long expectedVersion, Sex sex) {
        return UpdateDemographicsRequest.newBuilder().setPatientId(id).setExpectedVersion(expectedVersion)
                .setUpdateMask(FieldMask.newBuilder().addPaths("sex")).setSex(sex).build();
    }
}
