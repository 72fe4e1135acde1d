package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import io.grpc.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.AddHistoryEntryResponse;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.AttachLabResultResponse;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.Medication;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.RegisterPatientResponse;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.SearchPatientsResponse;
import org.medicore.patient.application.port.in.AddHistoryEntry;
import org.medicore.patient.application.port.in.AttachLabResult;
import org.medicore.patient.application.port.in.ListHistory;
import org.medicore.patient.application.port.in.RegisterPatient;
import org.medicore.patient.application.port.in.SearchPatients;
import org.medicore.support.grpc.Breakage;
import org.medicore.support.grpc.RefusedAnswer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.patient.ProtoRequests.aLabResult;
import static org.medicore.patient.ProtoRequests.aRegistration;
import static org.medicore.support.grpc.Breakage.fields;
import static org.medicore.support.grpc.Breakage.notUuids;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

/**
 * Whichever of a patient request's fields are malformed, whether patient_service.proto's rules,
 * the reader or the domain's values refuse them, the one refusal names exactly those, and no use
 * case is called, so nothing is stored.
 */
class MalformedRequestProperties {

    private static final String PATIENT = UUID.randomUUID().toString();

    private static final ListHistoryRequest WELL_FORMED_LISTING = ListHistoryRequest.newBuilder().setPatientId(PATIENT)
            .addKinds(HistoryEntryKind.NOTE).setPage(PageRequest.newBuilder().setPageSize(20)).build();

    private static final AddHistoryEntryRequest WELL_FORMED_MEDICATION = AddHistoryEntryRequest.newBuilder().setPatientId(PATIENT)
            .setMedication(Medication.newBuilder().setName("Metformin 500 mg tablet").setDosage("1 tablet twice daily")
                    .setStartDate(date(2019, 5, 1)).setEndDate(date(2019, 11, 30)))
            .setSupersedesEntryId(UUID.randomUUID().toString()).build();

    private static final SearchPatientsRequest WELL_FORMED_SEARCH = SearchPatientsRequest.newBuilder()
            .setFamilyNamePrefix("Schm").setDateOfBirth(date(1985, 3, 14))
            .setPage(PageRequest.newBuilder().setPageSize(20)).build();

    /** A use case that must not be reached: any call fails the property and is counted. */
    private static final class Untouched {
        final AtomicInteger calls = new AtomicInteger();

        <T> T called(Object what) {
            calls.incrementAndGet();
            throw new AssertionError("called with " + what);
        }
    }

    @Property(tries = 300)
    void exactly_the_malformed_fields_of_a_registration_are_named_and_nobody_is_registered(
            @ForAll("registrationBreakages") List<Breakage<RegisterPatientRequest.Builder>> broken) {
        RegisterPatientRequest.Builder request = Breakage.applied(aRegistration("Schmidt"), broken);
        Untouched registrations = new Untouched();
        RegisterPatient registerPatient = (caller, command) -> registrations.called(command);
        RefusedAnswer<RegisterPatientResponse> answer = new RefusedAnswer<>();

        new PatientGrpcEndpoint(registerPatient, null, null, null, null, null, null, null).registerPatient(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
        assertThat(registrations.calls).hasValue(0);
    }

    @Property(tries = 200)
    void exactly_the_malformed_fields_of_a_search_are_named(
            @ForAll("searchBreakages") List<Breakage<SearchPatientsRequest.Builder>> broken) {
        SearchPatientsRequest.Builder request = Breakage.applied(WELL_FORMED_SEARCH.toBuilder(), broken);
        Untouched searches = new Untouched();
        SearchPatients searchPatients = (caller, query) -> searches.called(query);
        RefusedAnswer<SearchPatientsResponse> answer = new RefusedAnswer<>();

        new PatientGrpcEndpoint(null, null, searchPatients, null, null, null, null, null).searchPatients(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
        assertThat(searches.calls).hasValue(0);
    }

    @Property(tries = 200)
    void a_broken_contract_rule_is_named_beside_the_other_malformed_fields_of_a_history_listing(
            @ForAll("listingBreakages") List<Breakage<ListHistoryRequest.Builder>> broken) {
        ListHistoryRequest.Builder request = Breakage.applied(WELL_FORMED_LISTING.toBuilder(), broken);
        Untouched listings = new Untouched();
        ListHistory listHistory = (caller, query) -> listings.called(query);
        RefusedAnswer<ListHistoryResponse> answer = new RefusedAnswer<>();

        new PatientGrpcEndpoint(null, null, null, null, null, listHistory, null, null).listHistory(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
        assertThat(listings.calls).hasValue(0);
    }

    @Property(tries = 200)
    void exactly_the_malformed_fields_of_a_history_entry_are_named_and_none_is_added(
            @ForAll("entryBreakages") List<Breakage<AddHistoryEntryRequest.Builder>> broken) {
        AddHistoryEntryRequest.Builder request = Breakage.applied(WELL_FORMED_MEDICATION.toBuilder(), broken);
        Untouched additions = new Untouched();
        AddHistoryEntry addHistoryEntry = (caller, command) -> additions.called(command);
        RefusedAnswer<AddHistoryEntryResponse> answer = new RefusedAnswer<>();

        new PatientGrpcEndpoint(null, null, null, null, addHistoryEntry, null, null, null).addHistoryEntry(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
        assertThat(additions.calls).hasValue(0);
    }

    @Property(tries = 300)
    void exactly_the_malformed_fields_of_a_lab_result_are_named_and_none_is_attached(
            @ForAll("labResultBreakages") List<Breakage<AttachLabResultRequest.Builder>> broken) {
        AttachLabResultRequest.Builder request = Breakage.applied(
                aLabResult(PATIENT, Instant.parse("2026-05-01T09:00:00Z")), broken);
        Untouched attachments = new Untouched();
        AttachLabResult attachLabResult = (caller, command) -> attachments.called(command);
        RefusedAnswer<AttachLabResultResponse> answer = new RefusedAnswer<>();

        new PatientGrpcEndpoint(null, null, null, null, null, null, attachLabResult, null).attachLabResult(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
        assertThat(attachments.calls).hasValue(0);
    }

    /** Each field broken or not, by the domain's values or the reader; at least one broken. */
    @Provide
    Arbitrary<List<Breakage<RegisterPatientRequest.Builder>>> registrationBreakages() {
        Arbitrary<Breakage<RegisterPatientRequest.Builder>> given = Arbitraries.strings().whitespace().ofMaxLength(3)
                .map(value -> new Breakage<>("name.given", "blank", request -> request.setName(request.getName().toBuilder().setGiven(value))));
        Arbitrary<Breakage<RegisterPatientRequest.Builder>> family = Arbitraries.strings().alpha().ofMinLength(201).ofMaxLength(300)
                .map(value -> new Breakage<>("name.family", value.length() + " characters",
                        request -> request.setName(request.getName().toBuilder().setFamily(value))));
        Arbitrary<Breakage<RegisterPatientRequest.Builder>> born = Arbitraries.of(date(1990, 2, 30), date(1985, 0, 14),
                        date(0, 3, 14), date(1700, 3, 14))
                .map(value -> new Breakage<>("date_of_birth", value.toString().replace('\n', ' '),
                        request -> request.setDateOfBirth(value)));
        Arbitrary<Breakage<RegisterPatientRequest.Builder>> email = Arbitraries.of("anna(at)example", "anna@", "@example.org")
                .map(value -> new Breakage<>("contact.email", "'" + value + "'",
                        request -> request.setContact(request.getContact().toBuilder().setEmail(value))));
        Arbitrary<Breakage<RegisterPatientRequest.Builder>> phone = Arbitraries.of("030 12345", "+0301234567", "12")
                .map(value -> new Breakage<>("contact.phone", "'" + value + "'",
                        request -> request.setContact(request.getContact().toBuilder().setPhone(value))));
        Arbitrary<Breakage<RegisterPatientRequest.Builder>> language = Arbitraries.of("fr-FR", "de!", "xx")
                .map(value -> new Breakage<>("preferred_language", "'" + value + "'", request -> request.setPreferredLanguage(value)));
        Arbitrary<Breakage<RegisterPatientRequest.Builder>> clinic = Arbitraries.strings().alpha().ofMinLength(65).ofMaxLength(100)
                .map(value -> new Breakage<>("registered_at_clinic_id", value.length() + " characters",
                        request -> request.setRegisteredAtClinicId(value)));
        return Breakage.anyMix(given, family, born, email, phone, language, clinic);
    }

    @Provide
    Arbitrary<List<Breakage<SearchPatientsRequest.Builder>>> searchBreakages() {
        Arbitrary<Breakage<SearchPatientsRequest.Builder>> family = Arbitraries.strings().alpha().ofLength(1)
                .map(value -> new Breakage<>("family_name_prefix", "'" + value + "'", request -> request.setFamilyNamePrefix(value)));
        Arbitrary<Breakage<SearchPatientsRequest.Builder>> born = Arbitraries.of(date(1990, 2, 30), date(1985, 3, 0))
                .map(value -> new Breakage<>("date_of_birth", value.toString().replace('\n', ' '),
                        request -> request.setDateOfBirth(value)));
        Arbitrary<Breakage<SearchPatientsRequest.Builder>> size = Arbitraries.integers().lessOrEqual(-1)
                .map(value -> new Breakage<>("page.page_size", "= " + value,
                        request -> request.setPage(request.getPage().toBuilder().setPageSize(value))));
        return Breakage.anyMix(family, born, size);
    }

    @Provide
    Arbitrary<List<Breakage<ListHistoryRequest.Builder>>> listingBreakages() {
        Arbitrary<Breakage<ListHistoryRequest.Builder>> patient = notUuids()
                .map(value -> new Breakage<>("patient_id", "'" + value + "'", request -> request.setPatientId(value)));
        Arbitrary<Breakage<ListHistoryRequest.Builder>> kinds = Arbitraries.of(0, 42)
                .map(value -> new Breakage<>("kinds", "holding " + value, request -> request.addKindsValue(value)));
        Arbitrary<Breakage<ListHistoryRequest.Builder>> size = Arbitraries.integers().lessOrEqual(-1)
                .map(value -> new Breakage<>("page.page_size", "= " + value,
                        request -> request.setPage(request.getPage().toBuilder().setPageSize(value))));
        return Breakage.anyMix(patient, kinds, size);
    }

    @Provide
    Arbitrary<List<Breakage<AddHistoryEntryRequest.Builder>>> entryBreakages() {
        Arbitrary<Breakage<AddHistoryEntryRequest.Builder>> patient = notUuids()
                .map(value -> new Breakage<>("patient_id", "'" + value + "'", request -> request.setPatientId(value)));
        Arbitrary<Breakage<AddHistoryEntryRequest.Builder>> supersedes = notUuids().filter(value -> !value.isEmpty())
                .map(value -> new Breakage<>("supersedes_entry_id", "'" + value + "'", request -> request.setSupersedesEntryId(value)));
        Arbitrary<Breakage<AddHistoryEntryRequest.Builder>> name = Arbitraries.strings().whitespace().ofMaxLength(3)
                .map(value -> new Breakage<>("medication.name", "blank",
                        request -> request.setMedication(request.getMedication().toBuilder().setName(value))));
        Arbitrary<Breakage<AddHistoryEntryRequest.Builder>> start = Arbitraries.of(date(2019, 2, 30), date(2019, 5, 0))
                .map(value -> new Breakage<>("medication.start_date", value.toString().replace('\n', ' '),
                        request -> request.setMedication(request.getMedication().toBuilder().setStartDate(value))));
        return Breakage.anyMix(patient, supersedes, name, start);
    }

    @Provide
    Arbitrary<List<Breakage<AttachLabResultRequest.Builder>>> labResultBreakages() {
        Arbitrary<Breakage<AttachLabResultRequest.Builder>> key = Arbitraries.strings().whitespace().ofMaxLength(3)
                .map(value -> new Breakage<>("idempotency_key", "blank", request -> request.setIdempotencyKey(value)));
        Arbitrary<Breakage<AttachLabResultRequest.Builder>> patient = notUuids()
                .map(value -> new Breakage<>("patient_id", "'" + value + "'", request -> request.setPatientId(value)));
        Arbitrary<Breakage<AttachLabResultRequest.Builder>> testName = Arbitraries.strings().whitespace().ofMaxLength(3)
                .map(value -> new Breakage<>("result.test_name", "blank",
                        request -> request.setResult(request.getResult().toBuilder().setTestName(value))));
        Arbitrary<Breakage<AttachLabResultRequest.Builder>> observedAt = Arbitraries.of(-62_135_596_801L, 253_402_300_800L)
                .map(seconds -> new Breakage<>("result.observed_at", "at " + seconds + " s",
                        request -> request.setResult(request.getResult().toBuilder()
                                .setObservedAt(Timestamp.newBuilder().setSeconds(seconds)))));
        Arbitrary<Breakage<AttachLabResultRequest.Builder>> resultPatient = Arbitraries.create(UUID::randomUUID)
                .map(other -> new Breakage<>("result.patient_id", "another patient",
                        request -> request.setResult(request.getResult().toBuilder().setPatientId(other.toString()))));
        return Breakage.anyMix(key, patient, testName, observedAt, resultPatient);
    }

    private static Date date(int year, int month, int day) {
        return Date.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }
}
