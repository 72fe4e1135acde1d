package org.medicore.patient.application.service;

import org.junit.jupiter.api.Test;
import org.medicore.patient.application.port.in.PageRequest;
import org.medicore.patient.application.port.in.RequestErasureCommand;
import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.ErasureRequest;
import org.medicore.patient.domain.ErasureState;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.Role;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.patient.PatientFixtures.aPatient;

class PatientErasureTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final Caller ADMIN_A = new Caller("admin-a", Set.of(Role.ADMIN));
    private static final Caller ADMIN_B = new Caller("admin-b", Set.of(Role.ADMIN));
    private static final Caller DOCTOR = new Caller("doctor", Set.of(Role.DOCTOR));

    private final InMemoryPatientStore patients = new InMemoryPatientStore();
    private final InMemoryErasure erasure = new InMemoryErasure();
    private final PatientErasure useCases = erasureKeepingClinicalRecords(false);

    @Test
    void an_admin_records_a_request_with_a_reason_and_another_admin_approves_and_erases_the_patient() {
        Patient anna = registered("anna-account");
        ErasureRequest request = done(useCases.request(ADMIN_A, new RequestErasureCommand(anna.id(), "asked at the front desk")));

        ErasureRequest erased = done(useCases.approve(ADMIN_B, request.id()));

        assertThat(erased.state()).isEqualTo(ErasureState.DONE);
        assertThat(erased.decidedBy().orElseThrow().subject()).isEqualTo("admin-b");
        assertThat(erased.accountSubject()).isEmpty();
        assertThat(erasure.deletedAccounts).containsExactly("anna-account");
        assertThat(erasure.forgotten).containsExactly(anna.id() + " erased by admin-b approved by admin-b");
        assertThat(erasure.erasedRecords).containsExactly(anna.id().value());
        assertThat(erasure.outbox).singleElement().satisfies(event -> {
            assertThat(event.patientId()).isEqualTo(anna.id());
            assertThat(event.approvedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void the_admin_who_recorded_a_request_may_not_decide_it_four_eyes() {
        ErasureRequest request = done(useCases.request(ADMIN_A, new RequestErasureCommand(registered("bo").id(), "by letter")));

        assertThat(useCases.approve(ADMIN_A, request.id())).isEqualTo(Outcome.refused(
                new Refusal.Denied("four eyes: the admin who recorded the erasure request may not decide it")));
        assertThat(useCases.decline(ADMIN_A, request.id(), "no")).isInstanceOf(Outcome.Refused.class);
        assertThat(erasure.requests.get(request.id()).state()).isEqualTo(ErasureState.PENDING);
        assertThat(erasure.erasedRecords).isEmpty();
    }

    @Test
    void a_patient_reads_a_request_an_admin_recorded_for_them_and_nobody_elses() {
        ErasureRequest request = done(useCases.request(ADMIN_A, new RequestErasureCommand(registered("bo").id(), "by letter")));

        assertThat(done(useCases.get(new Caller("bo", Set.of(Role.PATIENT)), request.id()))).isEqualTo(request);
        assertThat(useCases.get(new Caller("cleo", Set.of(Role.PATIENT)), request.id())).isInstanceOf(Outcome.Refused.class);
        assertThat(useCases.get(DOCTOR, request.id())).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void a_patient_asks_for_their_own_erasure_and_cannot_approve_it_nor_ask_for_anothers() {
        Patient anna = registered("anna-account");
        Patient bo = registered("bo-account");
        Caller annaHerself = new Caller("anna-account", Set.of(Role.PATIENT));

        ErasureRequest request = done(useCases.request(annaHerself, new RequestErasureCommand(anna.id(), "")));

        assertThat(useCases.approve(annaHerself, request.id())).isInstanceOfSatisfying(Outcome.Refused.class,
                refused -> assertThat(refused.refusal()).isInstanceOf(Refusal.Denied.class));
        assertThat(useCases.request(annaHerself, new RequestErasureCommand(bo.id(), ""))).isInstanceOfSatisfying(
                Outcome.Refused.class, refused -> assertThat(refused.refusal()).isInstanceOf(Refusal.Denied.class));
        assertThat(useCases.request(DOCTOR, new RequestErasureCommand(anna.id(), "why"))).isInstanceOf(Outcome.Refused.class);
        assertThat(done(useCases.get(annaHerself, request.id()))).isEqualTo(request);
        assertThat(useCases.pending(annaHerself, new PageRequest(10, ""))).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void an_admin_must_give_a_reason_and_a_repeat_while_pending_answers_with_the_pending_request() {
        Patient anna = registered("anna-account");

        assertThat(useCases.request(ADMIN_A, new RequestErasureCommand(anna.id(), "  "))).isEqualTo(
                Outcome.refused(Refusal.Invalid.of("reason", "is required when an admin records the request")));
        ErasureRequest first = done(useCases.request(ADMIN_A, new RequestErasureCommand(anna.id(), "by letter")));
        ErasureRequest repeat = done(useCases.request(ADMIN_A, new RequestErasureCommand(anna.id(), "by letter")));

        assertThat(repeat).isEqualTo(first);
        assertThat(done(useCases.pending(ADMIN_B, new PageRequest(10, ""))).requests()).containsExactly(first);
    }

    @Test
    void an_approval_that_failed_part_way_is_finished_by_its_retry_and_announced_once() {
        Patient anna = registered("anna-account");
        ErasureRequest request = done(useCases.request(ADMIN_A, new RequestErasureCommand(anna.id(), "by letter")));
        erasure.failAccountDeletions = 1;

        assertThatThrownBy(() -> useCases.approve(ADMIN_B, request.id())).hasMessageContaining("Keycloak");
        assertThat(erasure.requests.get(request.id()).state()).isEqualTo(ErasureState.APPROVED);
        patients.patients.remove(anna.id());
        ErasureRequest erased = done(useCases.approve(ADMIN_B, request.id()));

        assertThat(erased.state()).isEqualTo(ErasureState.DONE);
        assertThat(erasure.deletedAccounts).as("the login named at approval, though the record is gone").containsExactly("anna-account");
        assertThat(erasure.outbox).hasSize(1);
    }

    @Test
    void approving_an_erased_patient_again_changes_nothing_and_says_so() {
        ErasureRequest request = done(useCases.request(ADMIN_A, new RequestErasureCommand(registered("anna").id(), "by letter")));
        done(useCases.approve(ADMIN_B, request.id()));

        Outcome<ErasureRequest> again = useCases.approve(ADMIN_B, request.id());

        assertThat(again).isEqualTo(Outcome.refused(new Refusal.Forbidden("ALREADY_ERASED", request.id().toString(),
                "the patient was erased already; nothing was changed")));
        assertThat(erasure.erasedRecords).hasSize(1);
        assertThat(erasure.outbox).hasSize(1);
    }

    @Test
    void a_declined_request_erases_nothing_and_cannot_be_approved_afterwards() {
        ErasureRequest request = done(useCases.request(ADMIN_A, new RequestErasureCommand(registered("anna").id(), "by letter")));

        ErasureRequest declined = done(useCases.decline(ADMIN_B, request.id(), "treatment ongoing, records kept by law"));

        assertThat(declined.state()).isEqualTo(ErasureState.DECLINED);
        assertThat(useCases.approve(ADMIN_B, request.id())).isInstanceOfSatisfying(Outcome.Refused.class, refused ->
                assertThat(refused.refusal()).isInstanceOfSatisfying(Refusal.Forbidden.class,
                        forbidden -> assertThat(forbidden.rule()).isEqualTo("ALREADY_DECLINED")));
        assertThat(erasure.erasedRecords).isEmpty();
    }

    @Test
    void a_clinic_that_keeps_medical_records_erases_the_patient_but_keeps_their_clinical_entries() {
        PatientErasure keeping = erasureKeepingClinicalRecords(true);
        ErasureRequest request = done(keeping.request(ADMIN_A, new RequestErasureCommand(registered("anna").id(), "by letter")));

        done(keeping.approve(ADMIN_B, request.id()));

        assertThat(erasure.erasedRecords).singleElement().asString().endsWith("keeping clinical records");
    }

    @Test
    void an_unknown_patient_or_request_is_not_found() {
        PatientId unknown = PatientId.random();

        assertThat(useCases.request(ADMIN_A, new RequestErasureCommand(unknown, "x")))
                .isEqualTo(Outcome.refused(new Refusal.NotFound("patient", unknown.value())));
        UUID request = UUID.randomUUID();
        assertThat(useCases.approve(ADMIN_B, request)).isEqualTo(Outcome.refused(new Refusal.NotFound("erasure request",
                request.toString())));
    }

    private PatientErasure erasureKeepingClinicalRecords(boolean keep) {
        return new PatientErasure(patients, erasure, erasure, erasure, erasure, erasure, keep,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Patient registered(String account) {
        Patient patient = Patient.register(PatientId.random(), aPatient().ownedBy(account).demographics(), Optional.of(account),
                "clinic-berlin", NOW.minusSeconds(86_400)).patient();
        patients.patients.put(patient.id(), patient);
        return patient;
    }

    private static <T> T done(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }
}
