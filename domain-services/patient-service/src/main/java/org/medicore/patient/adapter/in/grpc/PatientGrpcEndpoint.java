package org.medicore.patient.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.AddHistoryEntryResponse;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.AttachLabResultResponse;
import org.medicore.contracts.patient.v1.BatchGetPatientsRequest;
import org.medicore.contracts.patient.v1.BatchGetPatientsResponse;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.ListLabResultsResponse;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.RegisterPatientResponse;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.SearchPatientsResponse;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsResponse;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.patient.application.port.in.AddHistoryEntry;
import org.medicore.patient.application.port.in.AddHistoryEntryCommand;
import org.medicore.patient.application.port.in.AttachLabResultCommand;
import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.ListLabResultsQuery;
import org.medicore.patient.application.port.in.RegisterPatientCommand;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.in.UpdateDemographicsCommand;
import org.medicore.patient.application.port.in.AttachLabResult;
import org.medicore.patient.application.port.in.ListHistory;
import org.medicore.patient.application.port.in.ListLabResults;
import org.medicore.patient.application.port.in.BatchGetPatientsQuery;
import org.medicore.patient.application.port.in.GetPatients;
import org.medicore.patient.application.port.in.RegisterPatient;
import org.medicore.patient.application.port.in.SearchPatients;
import org.medicore.patient.application.port.in.UpdateDemographics;
import org.medicore.patient.domain.PatientId;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.Outcome;

import java.util.function.Supplier;

/** PatientService over gRPC: reads the request, calls one use case, turns its outcome into a response or a status. */
final class PatientGrpcEndpoint extends PatientServiceGrpc.PatientServiceImplBase {

    private final RegisterPatient registerPatient;
    private final GetPatients getPatients;
    private final SearchPatients searchPatients;
    private final UpdateDemographics updateDemographics;
    private final AddHistoryEntry addHistoryEntry;
    private final ListHistory listHistory;
    private final AttachLabResult attachLabResult;
    private final ListLabResults listLabResults;

    PatientGrpcEndpoint(RegisterPatient registerPatient, GetPatients getPatients, SearchPatients searchPatients,
                        UpdateDemographics updateDemographics, AddHistoryEntry addHistoryEntry, ListHistory listHistory,
                        AttachLabResult attachLabResult, ListLabResults listLabResults) {
        this.registerPatient = registerPatient;
        this.getPatients = getPatients;
        this.searchPatients = searchPatients;
        this.updateDemographics = updateDemographics;
        this.addHistoryEntry = addHistoryEntry;
        this.listHistory = listHistory;
        this.attachLabResult = attachLabResult;
        this.listLabResults = listLabResults;
    }

    @Override
    public void registerPatient(RegisterPatientRequest request, StreamObserver<RegisterPatientResponse> response) {
        RequestReader read = new RequestReader(request);
        RegisterPatientCommand registration = read.registration(request);
        respond(read, response, () -> registerPatient.register(Callers.current(), registration)
                .map(patient -> RegisterPatientResponse.newBuilder().setPatient(PatientProtos.PROTOS.patient(patient)).build()));
    }

    @Override
    public void getPatient(GetPatientRequest request, StreamObserver<GetPatientResponse> response) {
        RequestReader read = new RequestReader(request);
        PatientId id = read.patientId(request.getPatientId());
        respond(read, response, () -> getPatients.get(Callers.current(), id)
                .map(patient -> GetPatientResponse.newBuilder().setPatient(PatientProtos.PROTOS.patient(patient)).build()));
    }

    @Override
    public void batchGetPatients(BatchGetPatientsRequest request, StreamObserver<BatchGetPatientsResponse> response) {
        RequestReader read = new RequestReader(request);
        BatchGetPatientsQuery query = read.patients(request);
        respond(read, response, () -> getPatients.getAll(Callers.current(), query).map(lookup -> BatchGetPatientsResponse.newBuilder()
                .addAllPatients(lookup.found().stream().map(PatientProtos.PROTOS::patient).toList())
                .addAllMissingPatientIds(lookup.missing().stream().map(PatientId::value).toList())
                .build()));
    }

    @Override
    public void searchPatients(SearchPatientsRequest request, StreamObserver<SearchPatientsResponse> response) {
        RequestReader read = new RequestReader(request);
        SearchPatientsQuery query = read.search(request);
        respond(read, response, () -> searchPatients.search(Callers.current(), query).map(page -> SearchPatientsResponse.newBuilder()
                .addAllPatients(page.patients().stream().map(PatientProtos.PROTOS::patient).toList())
                .setPageInfo(PageInfo.newBuilder().setNextPageToken(page.nextPageToken()).setTotalSize(-1))
                .build()));
    }

    @Override
    public void updateDemographics(UpdateDemographicsRequest request, StreamObserver<UpdateDemographicsResponse> response) {
        RequestReader read = new RequestReader(request);
        UpdateDemographicsCommand update = read.update(request);
        respond(read, response, () -> updateDemographics.update(Callers.current(), update)
                .map(patient -> UpdateDemographicsResponse.newBuilder().setPatient(PatientProtos.PROTOS.patient(patient)).build()));
    }

    @Override
    public void addHistoryEntry(AddHistoryEntryRequest request, StreamObserver<AddHistoryEntryResponse> response) {
        RequestReader read = new RequestReader(request);
        AddHistoryEntryCommand entry = read.historyEntry(request);
        respond(read, response, () -> addHistoryEntry.add(Callers.current(), entry)
                .map(added -> AddHistoryEntryResponse.newBuilder().setEntry(PatientProtos.PROTOS.entry(added)).build()));
    }

    @Override
    public void listHistory(ListHistoryRequest request, StreamObserver<ListHistoryResponse> response) {
        RequestReader read = new RequestReader(request);
        ListHistoryQuery query = read.historyQuery(request);
        respond(read, response, () -> listHistory.list(Callers.current(), query).map(page -> ListHistoryResponse.newBuilder()
                .addAllEntries(PatientProtos.PROTOS.items(page, PatientProtos.PROTOS::recorded))
                .setPageInfo(PatientProtos.PROTOS.pageInfo(page)).build()));
    }

    @Override
    public void attachLabResult(AttachLabResultRequest request, StreamObserver<AttachLabResultResponse> response) {
        RequestReader read = new RequestReader(request);
        AttachLabResultCommand attachment = read.labResult(request);
        respond(read, response, () -> attachLabResult.attach(Callers.current(), attachment)
                .map(result -> AttachLabResultResponse.newBuilder().setResult(PatientProtos.PROTOS.labResult(result)).build()));
    }

    @Override
    public void listLabResults(ListLabResultsRequest request, StreamObserver<ListLabResultsResponse> response) {
        RequestReader read = new RequestReader(request);
        ListLabResultsQuery query = read.labResultsQuery(request);
        respond(read, response, () -> listLabResults.list(Callers.current(), query).map(page -> ListLabResultsResponse.newBuilder()
                .addAllResults(PatientProtos.PROTOS.items(page, PatientProtos.PROTOS::labResult))
                .setPageInfo(PatientProtos.PROTOS.pageInfo(page)).build()));
    }

    /**
     * Answers every malformed field the reader found in one INVALID_ARGUMENT before any use case runs;
     * else runs the call and answers its result, or its refusal as the status every service gives it.
     * What only the use case can refuse (a date of birth in the future, a change that leaves the stored
     * record invalid, a page token of another list) is its INVALID_ARGUMENT refusal; anything
     * unexpected goes to gRPC's handler (no details leak).
     */
    private static <T> void respond(RequestReader read, StreamObserver<T> response, Supplier<Outcome<T>> call) {
        if (!read.isValid()) {
            response.onError(GrpcErrors.invalid(read.violations()));
            return;
        }
        switch (call.get()) {
            case Outcome.Done<T> done -> {
                response.onNext(done.value());
                response.onCompleted();
            }
            case Outcome.Refused<T> refused -> response.onError(GrpcStatuses.refused(refused.refusal()));
        }
    }
}
