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
import org.medicore.patient.application.port.in.AccessDenied;
import org.medicore.patient.application.port.in.AddHistoryEntry;
import org.medicore.patient.application.port.in.AddHistoryEntryCommand;
import org.medicore.patient.application.port.in.AttachLabResultCommand;
import org.medicore.patient.application.port.in.ListHistoryQuery;
import org.medicore.patient.application.port.in.ListLabResultsQuery;
import org.medicore.patient.application.port.in.RegisterPatientCommand;
import org.medicore.patient.application.port.in.SearchPatientsQuery;
import org.medicore.patient.application.port.in.UpdateDemographicsCommand;
import org.medicore.patient.application.port.in.AttachLabResult;
import org.medicore.patient.application.port.in.HistoryEntryAddition;
import org.medicore.patient.application.port.in.HistoryListing;
import org.medicore.patient.application.port.in.LabResultAttachment;
import org.medicore.patient.application.port.in.LabResultListing;
import org.medicore.patient.application.port.in.ListHistory;
import org.medicore.patient.application.port.in.ListLabResults;
import org.medicore.patient.application.port.in.BatchGetPatientsQuery;
import org.medicore.patient.application.port.in.BatchLookup;
import org.medicore.patient.application.port.in.DemographicsUpdateResult;
import org.medicore.patient.application.port.in.DuplicatePatient;
import org.medicore.patient.application.port.in.GetPatients;
import org.medicore.patient.application.port.in.PatientLookup;
import org.medicore.patient.application.port.in.PatientNotFound;
import org.medicore.patient.application.port.in.PatientPage;
import org.medicore.patient.application.port.in.RegisterPatient;
import org.medicore.patient.application.port.in.RegistrationResult;
import org.medicore.patient.application.port.in.SearchPatients;
import org.medicore.patient.application.port.in.UpdateDemographics;
import org.medicore.patient.domain.FieldViolation;
import org.medicore.patient.domain.InvalidFieldsException;
import org.medicore.patient.domain.PatientId;
import org.medicore.support.grpc.GrpcErrors;

import java.util.List;
import java.util.function.Supplier;

/** PatientService over gRPC: reads the request, calls one use case, turns its outcome into a response or a status. */
final class PatientGrpcEndpoint extends PatientServiceGrpc.PatientServiceImplBase {

    private static final String DUPLICATE = "a patient with the same name, date of birth and e-mail exists";

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
        respond(read, response, () -> switch (registerPatient.register(Callers.current(), registration)) {
            case RegistrationResult.Registered registered ->
                    RegisterPatientResponse.newBuilder().setPatient(PatientProtos.PROTOS.patient(registered.patient())).build();
            case DuplicatePatient duplicate -> throw GrpcStatuses.duplicate(duplicate.existing(), DUPLICATE);
            case RegistrationResult.SubjectAlreadyLinked linked ->
                    throw GrpcStatuses.duplicate(linked.existing(), "the Keycloak account is linked to another patient");
            case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
        });
    }

    @Override
    public void getPatient(GetPatientRequest request, StreamObserver<GetPatientResponse> response) {
        RequestReader read = new RequestReader(request);
        PatientId id = read.patientId(request.getPatientId());
        respond(read, response, () -> switch (getPatients.get(Callers.current(), id)) {
            case PatientLookup.Found found ->
                    GetPatientResponse.newBuilder().setPatient(PatientProtos.PROTOS.patient(found.patient())).build();
            case PatientNotFound notFound -> throw GrpcStatuses.notFound(notFound.id());
            case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
        });
    }

    @Override
    public void batchGetPatients(BatchGetPatientsRequest request, StreamObserver<BatchGetPatientsResponse> response) {
        RequestReader read = new RequestReader(request);
        BatchGetPatientsQuery query = read.patients(request);
        respond(read, response, () -> {
            BatchLookup lookup = getPatients.getAll(Callers.current(), query);
            return BatchGetPatientsResponse.newBuilder()
                    .addAllPatients(lookup.found().stream().map(PatientProtos.PROTOS::patient).toList())
                    .addAllMissingPatientIds(lookup.missing().stream().map(PatientId::value).toList())
                    .build();
        });
    }

    @Override
    public void searchPatients(SearchPatientsRequest request, StreamObserver<SearchPatientsResponse> response) {
        RequestReader read = new RequestReader(request);
        SearchPatientsQuery query = read.search(request);
        respond(read, response, () -> {
            PatientPage page = searchPatients.search(Callers.current(), query);
            return SearchPatientsResponse.newBuilder()
                    .addAllPatients(page.patients().stream().map(PatientProtos.PROTOS::patient).toList())
                    .setPageInfo(PageInfo.newBuilder().setNextPageToken(page.nextPageToken()).setTotalSize(-1))
                    .build();
        });
    }

    @Override
    public void updateDemographics(UpdateDemographicsRequest request, StreamObserver<UpdateDemographicsResponse> response) {
        RequestReader read = new RequestReader(request);
        UpdateDemographicsCommand update = read.update(request);
        respond(read, response, () -> switch (updateDemographics.update(Callers.current(), update)) {
            case DemographicsUpdateResult.Updated updated ->
                    UpdateDemographicsResponse.newBuilder().setPatient(PatientProtos.PROTOS.patient(updated.patient())).build();
            case DemographicsUpdateResult.StaleVersion stale -> throw GrpcStatuses.staleVersion(stale.currentVersion());
            case DuplicatePatient duplicate -> throw GrpcStatuses.duplicate(duplicate.existing(), DUPLICATE);
            case PatientNotFound notFound -> throw GrpcStatuses.notFound(notFound.id());
            case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
        });
    }

    @Override
    public void addHistoryEntry(AddHistoryEntryRequest request, StreamObserver<AddHistoryEntryResponse> response) {
        RequestReader read = new RequestReader(request);
        AddHistoryEntryCommand entry = read.historyEntry(request);
        respond(read, response, () -> switch (addHistoryEntry.add(Callers.current(), entry)) {
            case HistoryEntryAddition.Added added ->
                    AddHistoryEntryResponse.newBuilder().setEntry(PatientProtos.PROTOS.entry(added.entry())).build();
            case HistoryEntryAddition.SupersededEntryNotFound missing -> throw GrpcStatuses.historyEntryNotFound(missing.entryId());
            case HistoryEntryAddition.CorrectionRefused refused -> throw GrpcStatuses.failedPrecondition(refused.broken().name(),
                    refused.supersededEntryId().toString(), switch (refused.broken()) {
                        case FOREIGN_ENTRY -> "the superseded entry belongs to another patient";
                        case ALREADY_SUPERSEDED -> "the superseded entry was already corrected; correct the current entry";
                    });
            case PatientNotFound notFound -> throw GrpcStatuses.notFound(notFound.id());
            case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
        });
    }

    @Override
    public void listHistory(ListHistoryRequest request, StreamObserver<ListHistoryResponse> response) {
        RequestReader read = new RequestReader(request);
        ListHistoryQuery query = read.historyQuery(request);
        respond(read, response, () -> switch (listHistory.list(Callers.current(), query)) {
            case HistoryListing.Listed listed -> ListHistoryResponse.newBuilder()
                    .addAllEntries(PatientProtos.PROTOS.items(listed.page(), PatientProtos.PROTOS::recorded))
                    .setPageInfo(PatientProtos.PROTOS.pageInfo(listed.page())).build();
            case PatientNotFound notFound -> throw GrpcStatuses.notFound(notFound.id());
            case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
        });
    }

    @Override
    public void attachLabResult(AttachLabResultRequest request, StreamObserver<AttachLabResultResponse> response) {
        RequestReader read = new RequestReader(request);
        AttachLabResultCommand attachment = read.labResult(request);
        respond(read, response, () -> switch (attachLabResult.attach(Callers.current(), attachment)) {
            case LabResultAttachment.Attached attached ->
                    AttachLabResultResponse.newBuilder().setResult(PatientProtos.PROTOS.labResult(attached.result())).build();
            case LabResultAttachment.IdempotencyKeyReused reused -> throw GrpcStatuses.invalidArgument(List.of(new FieldViolation(
                    "idempotency_key", "was used before for a different result; a retry must repeat the request unchanged")));
            case PatientNotFound notFound -> throw GrpcStatuses.notFound(notFound.id());
            case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
        });
    }

    @Override
    public void listLabResults(ListLabResultsRequest request, StreamObserver<ListLabResultsResponse> response) {
        RequestReader read = new RequestReader(request);
        ListLabResultsQuery query = read.labResultsQuery(request);
        respond(read, response, () -> switch (listLabResults.list(Callers.current(), query)) {
            case LabResultListing.Listed listed -> ListLabResultsResponse.newBuilder()
                    .addAllResults(PatientProtos.PROTOS.items(listed.page(), PatientProtos.PROTOS::labResult))
                    .setPageInfo(PatientProtos.PROTOS.pageInfo(listed.page())).build();
            case PatientNotFound notFound -> throw GrpcStatuses.notFound(notFound.id());
            case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
        });
    }

    /**
     * Answers every malformed field the reader found in one INVALID_ARGUMENT before any use case runs;
     * else runs the call. What only the use case can refuse (a date of birth in the future, a change
     * that leaves the stored record invalid, a page token of another list) is INVALID_ARGUMENT too;
     * anything unexpected goes to gRPC's handler (no details leak).
     */
    private static <T> void respond(RequestReader read, StreamObserver<T> response, Supplier<T> call) {
        if (!read.isValid()) {
            response.onError(GrpcErrors.invalid(read.violations()));
            return;
        }
        T result;
        try {
            result = call.get();
        } catch (InvalidFieldsException invalid) {
            response.onError(GrpcStatuses.invalidArgument(invalid.violations()));
            return;
        } catch (io.grpc.StatusRuntimeException refusal) {
            response.onError(refusal);
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
