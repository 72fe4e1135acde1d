package org.medicore.patient.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import org.medicore.contracts.patient.v1.ApproveErasureRequestRequest;
import org.medicore.contracts.patient.v1.ApproveErasureRequestResponse;
import org.medicore.contracts.patient.v1.DeclineErasureRequestRequest;
import org.medicore.contracts.patient.v1.DeclineErasureRequestResponse;
import org.medicore.contracts.patient.v1.ErasureServiceGrpc;
import org.medicore.contracts.patient.v1.GetErasureRequestRequest;
import org.medicore.contracts.patient.v1.GetErasureRequestResponse;
import org.medicore.contracts.patient.v1.ListPendingErasureRequestsRequest;
import org.medicore.contracts.patient.v1.ListPendingErasureRequestsResponse;
import org.medicore.contracts.patient.v1.RequestErasureRequest;
import org.medicore.contracts.patient.v1.RequestErasureResponse;
import org.medicore.patient.application.port.in.DecideErasure;
import org.medicore.patient.application.port.in.PageRequest;
import org.medicore.patient.application.port.in.ReadErasureRequests;
import org.medicore.patient.application.port.in.RequestErasure;
import org.medicore.patient.application.port.in.RequestErasureCommand;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.Outcome;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** ErasureService over gRPC: reads the request, calls one use case, answers its result or its refusal. */
final class ErasureGrpcEndpoint extends ErasureServiceGrpc.ErasureServiceImplBase {

    private final RequestErasure requestErasure;
    private final DecideErasure decideErasure;
    private final ReadErasureRequests readRequests;

    ErasureGrpcEndpoint(RequestErasure requestErasure, DecideErasure decideErasure, ReadErasureRequests readRequests) {
        this.requestErasure = requestErasure;
        this.decideErasure = decideErasure;
        this.readRequests = readRequests;
    }

    @Override
    public void requestErasure(RequestErasureRequest request, StreamObserver<RequestErasureResponse> response) {
        ErasureRequestReader read = new ErasureRequestReader(request);
        RequestErasureCommand command = read.command(request);
        respond(read, response, () -> requestErasure.request(Callers.current(), command),
                erasure -> RequestErasureResponse.newBuilder().setRequest(ErasureProtos.PROTOS.request(erasure)).build());
    }

    @Override
    public void listPendingErasureRequests(ListPendingErasureRequestsRequest request,
                                           StreamObserver<ListPendingErasureRequestsResponse> response) {
        ErasureRequestReader read = new ErasureRequestReader(request);
        PageRequest page = read.page(request.getPage());
        respond(read, response, () -> readRequests.pending(Callers.current(), page),
                pending -> ListPendingErasureRequestsResponse.newBuilder()
                        .addAllRequests(pending.requests().stream().map(ErasureProtos.PROTOS::request).toList())
                        .setPageInfo(ErasureProtos.PROTOS.pageInfo(pending)).build());
    }

    @Override
    public void approveErasureRequest(ApproveErasureRequestRequest request,
                                      StreamObserver<ApproveErasureRequestResponse> response) {
        ErasureRequestReader read = new ErasureRequestReader(request);
        UUID requestId = read.requestId(request.getErasureRequestId());
        respond(read, response, () -> decideErasure.approve(Callers.current(), requestId),
                erasure -> ApproveErasureRequestResponse.newBuilder().setRequest(ErasureProtos.PROTOS.request(erasure)).build());
    }

    @Override
    public void declineErasureRequest(DeclineErasureRequestRequest request,
                                      StreamObserver<DeclineErasureRequestResponse> response) {
        ErasureRequestReader read = new ErasureRequestReader(request);
        UUID requestId = read.requestId(request.getErasureRequestId());
        respond(read, response, () -> decideErasure.decline(Callers.current(), requestId, request.getReason().strip()),
                erasure -> DeclineErasureRequestResponse.newBuilder().setRequest(ErasureProtos.PROTOS.request(erasure)).build());
    }

    @Override
    public void getErasureRequest(GetErasureRequestRequest request, StreamObserver<GetErasureRequestResponse> response) {
        ErasureRequestReader read = new ErasureRequestReader(request);
        UUID requestId = read.requestId(request.getErasureRequestId());
        respond(read, response, () -> readRequests.get(Callers.current(), requestId),
                erasure -> GetErasureRequestResponse.newBuilder().setRequest(ErasureProtos.PROTOS.request(erasure)).build());
    }

    /** Every malformed field in one INVALID_ARGUMENT before any use case runs; else the outcome, refusals as GrpcErrors says. */
    private static <T, R> void respond(ErasureRequestReader read, StreamObserver<R> response, Supplier<Outcome<T>> call,
                                       Function<T, R> answer) {
        if (!read.isValid()) {
            response.onError(GrpcErrors.invalid(read.violations()));
            return;
        }
        switch (call.get()) {
            case Outcome.Done<T> done -> {
                response.onNext(answer.apply(done.value()));
                response.onCompleted();
            }
            case Outcome.Refused<T> refused -> response.onError(GrpcStatuses.refused(refused.refusal()));
        }
    }
}
