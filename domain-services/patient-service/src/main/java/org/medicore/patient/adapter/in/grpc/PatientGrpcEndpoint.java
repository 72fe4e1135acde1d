package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.Message;
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
import org.medicore.support.validation.ProtoRules;

import java.util.List;
import java.util.function.Supplier;

/** PatientService over gRPC: maps the request, calls one use case, turns its outcome into a response or a status. */
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
        respond(request, response, () -> switch (registerPatient.register(Callers.current(), PatientProtoMapper.toCommand(request))) {
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
        respond(request, response, () -> {
            PatientId id = PatientProtoMapper.toPatientId(request.getPatientId());
            return switch (getPatients.get(Callers.current(), id)) {
                case PatientLookup.Found found ->
                        GetPatientResponse.newBuilder().setPatient(PatientProtos.PROTOS.patient(found.patient())).build();
                case PatientNotFound notFound -> throw GrpcStatuses.notFound(notFound.id());
                case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
            };
        });
    }

    @Override
    public void batchGetPatients(BatchGetPatientsRequest request, StreamObserver<BatchGetPatientsResponse> response) {
        respond(request, response, () -> {
            BatchLookup lookup = getPatients.getAll(Callers.current(), BatchGetPatientsQuery.of(request.getPatientIdsList()));
            return BatchGetPatientsResponse.newBuilder()
                    .addAllPatients(lookup.found().stream().map(PatientProtos.PROTOS::patient).toList())
                    .addAllMissingPatientIds(lookup.missing().stream().map(PatientId::value).toList())
                    .build();
        });
    }

    @Override
    public void searchPatients(SearchPatientsRequest request, StreamObserver<SearchPatientsResponse> response) {
        respond(request, response, () -> {
            PatientPage page = searchPatients.search(Callers.current(), PatientProtoMapper.toQuery(request));
            return SearchPatientsResponse.newBuilder()
                    .addAllPatients(page.patients().stream().map(PatientProtos.PROTOS::patient).toList())
                    .setPageInfo(PageInfo.newBuilder().setNextPageToken(page.nextPageToken()).setTotalSize(-1))
                    .build();
        });
    }

    @Override
    public void updateDemographics(UpdateDemographicsRequest request, StreamObserver<UpdateDemographicsResponse> response) {
        respond(request, response, () -> switch (updateDemographics.update(Callers.current(), PatientProtoMapper.toCommand(request))) {
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
        respond(request, response, () -> switch (addHistoryEntry.add(Callers.current(), PatientProtoMapper.toCommand(request))) {
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
        respond(request, response, () -> switch (listHistory.list(Callers.current(), PatientProtoMapper.toQuery(request))) {
            case HistoryListing.Listed listed -> ListHistoryResponse.newBuilder()
                    .addAllEntries(PatientProtoMapper.toProto(listed.page(), PatientProtos.PROTOS::recorded))
                    .setPageInfo(PatientProtoMapper.toPageInfo(listed.page())).build();
            case PatientNotFound notFound -> throw GrpcStatuses.notFound(notFound.id());
            case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
        });
    }

    @Override
    public void attachLabResult(AttachLabResultRequest request, StreamObserver<AttachLabResultResponse> response) {
        respond(request, response, () -> switch (attachLabResult.attach(Callers.current(), PatientProtoMapper.toCommand(request))) {
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
        respond(request, response, () -> switch (listLabResults.list(Callers.current(), PatientProtoMapper.toQuery(request))) {
            case LabResultListing.Listed listed -> ListLabResultsResponse.newBuilder()
                    .addAllResults(PatientProtoMapper.toProto(listed.page(), PatientProtos.PROTOS::labResult))
                    .setPageInfo(PatientProtoMapper.toPageInfo(listed.page())).build();
            case PatientNotFound notFound -> throw GrpcStatuses.notFound(notFound.id());
            case AccessDenied denied -> throw GrpcStatuses.permissionDenied();
        });
    }

    /**
     * Runs one call; invalid input becomes INVALID_ARGUMENT, anything unexpected goes to gRPC's handler (no details leak).
     * A request that breaks a rule of patient_service.proto is refused before it is read, naming those fields only:
     * the mapping and the use case run in one step here, unlike the readers of the other services.
     */
    private static <T> void respond(Message request, StreamObserver<T> response, Supplier<T> call) {
        List<GrpcErrors.Violation> broken = ProtoRules.violations(request);
        if (!broken.isEmpty()) {
            response.onError(GrpcErrors.invalid(broken));
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
