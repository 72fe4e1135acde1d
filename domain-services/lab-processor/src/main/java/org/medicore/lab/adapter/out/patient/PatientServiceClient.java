package org.medicore.lab.adapter.out.patient;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.ListLabResultsResponse;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.lab.adapter.proto.LabProtos;
import org.medicore.lab.adapter.proto.LabResultProtos;
import org.medicore.lab.application.port.out.AttachResults;
import org.medicore.lab.application.port.out.FindPatient;
import org.medicore.lab.application.port.out.LoadAttachedResults;
import org.medicore.lab.domain.AttachedResult;
import org.medicore.lab.domain.LabValue;
import org.medicore.lab.domain.PatientRecord;
import org.medicore.support.security.ClientCredentialsTokens;
import org.medicore.contracts.patient.v1.Patient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** patient-service over gRPC, as the partner client (a client-credentials token on every call). */
final class PatientServiceClient implements AttachResults, LoadAttachedResults, FindPatient {

    private final PatientServiceGrpc.PatientServiceBlockingStub stub;
    private final Duration deadline;

    PatientServiceClient(PatientServiceGrpc.PatientServiceBlockingStub stub, ClientCredentialsTokens tokens, Duration deadline) {
        this.stub = stub.withCallCredentials(tokens.asCallCredentials());
        this.deadline = deadline;
    }

    @Override
    public List<String> attach(String patientId, String reportId, List<LabValue> values, Instant observedAt) {
        List<String> ids = new ArrayList<>();
        for (LabValue value : values) {
            ids.add(call().attachLabResult(AttachLabResultRequest.newBuilder()
                    .setIdempotencyKey(reportId + ":" + value.line())
                    .setPatientId(patientId)
                    .setResult(LabProtos.PROTOS.result(patientId, reportId, value, observedAt))
                    .build()).getResult().getId());
        }
        return ids;
    }

    @Override
    public List<AttachedResult> resultsOf(String patientId) {
        List<AttachedResult> results = new ArrayList<>();
        String pageToken = "";
        do {
            ListLabResultsResponse page = call().listLabResults(ListLabResultsRequest.newBuilder().setPatientId(patientId)
                    .setPage(PageRequest.newBuilder().setPageSize(100).setPageToken(pageToken)).build());
            page.getResultsList().stream().map(LabResultProtos::fromProto).forEach(results::add);
            pageToken = page.getPageInfo().getNextPageToken();
        } while (!pageToken.isEmpty());
        return results;
    }

    @Override
    public Optional<PatientRecord> find(String patientId) {
        try {
            Patient patient = call().getPatient(GetPatientRequest.newBuilder().setPatientId(patientId).build()).getPatient();
            Optional<LocalDate> born = patient.hasDateOfBirth() && patient.getDateOfBirth().getYear() > 0
                    ? Optional.of(LocalDate.of(patient.getDateOfBirth().getYear(), patient.getDateOfBirth().getMonth(),
                            patient.getDateOfBirth().getDay()))
                    : Optional.empty();
            return Optional.of(new PatientRecord(patient.getId(), patient.getName().getGiven(),
                    patient.getName().getFamily(), born));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private PatientServiceGrpc.PatientServiceBlockingStub call() {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
