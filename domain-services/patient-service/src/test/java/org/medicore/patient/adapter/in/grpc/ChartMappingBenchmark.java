package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.Page;
import org.medicore.patient.domain.Actor;
import org.medicore.patient.domain.ClinicalDetail;
import org.medicore.patient.domain.HistoryEntry;
import org.medicore.patient.domain.PartialDate;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.RecordedEntry;
import org.medicore.patient.domain.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.medicore.patient.ClinicalFixtures.aNote;
import static org.medicore.patient.ClinicalFixtures.anAllergy;
import static org.medicore.patient.PatientFixtures.aPatient;

/**
 * patient-service's share of a doctor's read of one chart, at its gRPC edge: the answers of
 * {@code GetPatient} and {@code ListHistory} from domain to proto to the bytes on the wire, as the
 * endpoint builds them ({@link PatientProtos}), and the requests from bytes to proto to the
 * domain's query through the endpoint's reader ({@link RequestReader}). The history holds
 * {@code entries} entries of every kind (the load client's chart has five notes). Of the mappings on that read (appointments' and invoices' lists are flat
 * records) this one carries the most fields per entry. Run: bench/run jmh-patient-service
 * (bench/README.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChartMappingBenchmark {

    private static final Actor DOCTOR = new Actor("3f1c2a4e-doctor", Role.DOCTOR, "Dr. Lena Weber");
    private static final Instant REGISTERED = Instant.parse("2025-11-02T09:15:00Z");

    /** The patient read by {@code GetPatient}, with every optional part filled in. */
    @State(Scope.Benchmark)
    public static class Registered {

        Patient patient;
        byte[] getPatientRequest;

        @Setup
        public void register() {
            patient = new Patient(PatientId.random(), aPatient().demographics(), Optional.of(UUID.randomUUID().toString()),
                    "clinic-berlin", 7, REGISTERED, REGISTERED.plus(Duration.ofDays(30)));
            getPatientRequest = GetPatientRequest.newBuilder().setPatientId(patient.id().value()).build().toByteArray();
        }
    }

    /** One page of a patient's history as {@code ListHistory} reads it. */
    @State(Scope.Benchmark)
    public static class History {

        @Param({"5", "50"})
        public int entries;

        Page<RecordedEntry> page;
        byte[] listHistoryRequest;

        @Setup
        public void record() {
            PatientId id = PatientId.random();
            List<RecordedEntry> recorded = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                HistoryEntry entry = HistoryEntry.original(id, detail(i), DOCTOR, REGISTERED.plus(Duration.ofHours(i)));
                // one entry in ten has been corrected since, as in a chart that is kept up to date
                recorded.add(new RecordedEntry(entry, i % 10 == 9 ? Optional.of(UUID.randomUUID()) : Optional.empty()));
            }
            page = new Page<>(recorded, "next-page-token");
            listHistoryRequest = ListHistoryRequest.newBuilder().setPatientId(id.value())
                    .addKinds(HistoryEntryKind.CONDITION).addKinds(HistoryEntryKind.ALLERGY)
                    .addKinds(HistoryEntryKind.MEDICATION).addKinds(HistoryEntryKind.NOTE)
                    .setNewestFirst(true).setPage(PageRequest.newBuilder().setPageSize(entries)).build().toByteArray();
        }

        private static ClinicalDetail detail(int i) {
            return switch (i % 4) {
                case 0 -> aNote("Patient reports fewer headaches since the dose was lowered; blood pressure " + (118 + i) + "/76.");
                case 1 -> anAllergy();
                case 2 -> new ClinicalDetail.Condition("Type 2 diabetes mellitus", "E11.9", "http://hl7.org/fhir/sid/icd-10",
                        ClinicalDetail.ConditionStatus.ACTIVE, Optional.of(new PartialDate(2019, 4, 0)));
                default -> new ClinicalDetail.Medication("Metformin 500 mg tablet", "A10BA02", "1 tablet twice daily",
                        Optional.of(LocalDate.of(2019, 5, 1)), Optional.empty());
            };
        }
    }

    @Benchmark
    public byte[] patientToBytes(Registered registered) {
        return GetPatientResponse.newBuilder().setPatient(PatientProtos.PROTOS.patient(registered.patient)).build().toByteArray();
    }

    @Benchmark
    public byte[] historyToBytes(History history) {
        return ListHistoryResponse.newBuilder()
                .addAllEntries(PatientProtos.PROTOS.items(history.page, PatientProtos.PROTOS::recorded))
                .setPageInfo(PatientProtos.PROTOS.pageInfo(history.page)).build().toByteArray();
    }

    @Benchmark
    public PatientId getPatientRequestFromBytes(Registered registered) throws InvalidProtocolBufferException {
        GetPatientRequest request = GetPatientRequest.parseFrom(registered.getPatientRequest);
        return new RequestReader(request).patientId(request.getPatientId());
    }

    @Benchmark
    public ListHistoryQuery listHistoryRequestFromBytes(History history) throws InvalidProtocolBufferException {
        ListHistoryRequest request = ListHistoryRequest.parseFrom(history.listHistoryRequest);
        return new RequestReader(request).historyQuery(request);
    }
}
