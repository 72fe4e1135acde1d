package org.medicore.patient.adapter.out.dynamodb;

import org.junit.jupiter.api.Test;
import org.medicore.patient.RealComponentsTest;
import org.medicore.patient.application.port.in.ErasureRequestPage;
import org.medicore.patient.domain.Actor;
import org.medicore.patient.domain.ErasureRequest;
import org.medicore.patient.domain.ErasureState;
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.InvalidFieldsException;
import org.medicore.patient.domain.LabResult;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.Role;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.patient.ClinicalFixtures.aMeasurement;
import static org.medicore.patient.ClinicalFixtures.aNote;
import static org.medicore.patient.PatientFixtures.aPatient;

/** Erasure requests and the erasure of a patient's items against DynamoDB Local. */
class DynamoDbErasureTest extends RealComponentsTest {

    private static final Actor DOCTOR = new Actor("doctor-subject", Role.DOCTOR, "Dr. Jana Novak");
    private static final Actor ADMIN_A = new Actor("admin-a", Role.ADMIN, "Ada Admin");
    private static final Actor ADMIN_B = new Actor("admin-b", Role.ADMIN, "Ben Admin");

    @Autowired
    private DynamoDbPatientStore patients;
    @Autowired
    private DynamoDbClinicalStore clinical;
    @Autowired
    private DynamoDbPatientErasure erasure;
    @Autowired
    private DynamoDbErasureRequests requests;
    @Autowired
    private DynamoDbClient dynamoDb;

    @Test
    void erasing_removes_the_record_its_claims_history_and_lab_results_and_keeps_only_the_outbox_even_when_repeated() {
        PatientId patient = registeredWithHistoryAndLabResult();

        erasure.erase(patient, false);
        erasure.erase(patient, false);

        assertThat(itemsNaming(patient)).extracting(item -> item.get("sk").s()).allMatch(sk -> sk.startsWith("OUTBOX#"))
                .isNotEmpty();
        assertThat(patients.load(patient)).isEmpty();
    }

    @Test
    void a_clinic_keeping_medical_records_keeps_history_and_lab_results_under_the_id_but_nothing_that_names_the_patient() {
        PatientId patient = registeredWithHistoryAndLabResult();

        erasure.erase(patient, true);

        assertThat(itemsNaming(patient)).extracting(item -> item.get("sk").s().replaceAll("#.*", "#"))
                .containsOnly("OUTBOX#", "HISTORY#", "LAB#", "HISTORY_ENTRY", "LABKEY");
        assertThat(itemsNaming(patient)).noneMatch(item -> item.containsKey("family") || item.containsKey("email")
                || item.get("pk").s().startsWith("DUPLICATE#") || item.get("pk").s().startsWith("SUBJECT#"));
    }

    @Test
    void a_patient_has_one_open_request_at_a_time_and_a_decision_is_stored_once() {
        PatientId patient = PatientId.random();
        ErasureRequest first = ErasureRequest.record(patient, ADMIN_A, "by letter", Instant.now());

        assertThat(requests.insertUnlessOpen(first)).isEmpty();
        assertThat(requests.insertUnlessOpen(ErasureRequest.record(patient, ADMIN_A, "again", Instant.now())))
                .contains(first.id());
        ErasureRequest approved = first.approve(ADMIN_B, Optional.of("account"), Instant.now());
        assertThat(requests.decide(ErasureState.PENDING, approved)).isTrue();
        assertThat(requests.decide(ErasureState.PENDING, first.decline(ADMIN_B, "late", Instant.now()))).isFalse();
        assertThat(requests.load(first.id())).contains(approved);

        ErasureRequest.Erased erased = approved.erased(Instant.now());
        assertThat(requests.finish(erased)).isTrue();
        assertThat(requests.finish(approved.erased(Instant.now()))).isFalse();
        assertThat(requests.load(first.id())).contains(erased.request());
        assertThat(patients.oldestPending(10_000)).contains(erased.event());
        assertThat(requests.insertUnlessOpen(ErasureRequest.record(patient, ADMIN_A, "once more", Instant.now()))).isEmpty();
    }

    @Test
    void pending_requests_are_listed_oldest_first_in_pages_and_a_token_of_another_list_is_refused() {
        Instant start = Instant.parse("2000-01-01T00:00:00Z").plusSeconds(UUID.randomUUID().getMostSignificantBits() & 0xffff);
        ErasureRequest older = ErasureRequest.record(PatientId.random(), ADMIN_A, "one", start);
        ErasureRequest newer = ErasureRequest.record(PatientId.random(), ADMIN_A, "two", start.plusSeconds(1));
        requests.insertUnlessOpen(newer);
        requests.insertUnlessOpen(older);

        ErasureRequestPage first = requests.pending(1, "");
        List<ErasureRequest> all = new java.util.ArrayList<>(first.requests());
        for (ErasureRequestPage page = first; !page.nextPageToken().isEmpty(); ) {
            page = requests.pending(1, page.nextPageToken());
            all.addAll(page.requests());
        }

        assertThat(all).containsSubsequence(older, newer);
        assertThatThrownBy(() -> requests.pending(1, org.medicore.support.port.paging.PageTokens.of(List.of("PATIENT#x", "PROFILE"))))
                .isInstanceOf(InvalidFieldsException.class);
    }

    private PatientId registeredWithHistoryAndLabResult() {
        Patient.Registration registration = Patient.register(PatientId.random(),
                aPatient().named("Erika", uniqueFamilyName("Erased")).demographics(), Optional.of("account-" + UUID.randomUUID()),
                "", Instant.now());
        patients.insert(registration.patient(), registration.event());
        PatientId patient = registration.patient().id();
        clinical.append(HistoryEntry.original(patient, aNote("reports headaches"), DOCTOR, Instant.now()));
        clinical.save(UUID.randomUUID().toString(), LabResult.attach(patient, aMeasurement().measurement(), Instant.now()));
        return patient;
    }

    /** Every item of the table that names the patient: their partition, and the claims and locators that point at them. */
    private List<Map<String, AttributeValue>> itemsNaming(PatientId patient) {
        return dynamoDb.scanPaginator(r -> r.tableName("patients-test").consistentRead(true)).stream()
                .map(ScanResponse::items).flatMap(List::stream)
                .filter(item -> item.get("pk").s().equals("PATIENT#" + patient.value())
                        || patient.value().equals(Optional.ofNullable(item.get("patient_id")).map(AttributeValue::s).orElse("")))
                .toList();
    }
}
