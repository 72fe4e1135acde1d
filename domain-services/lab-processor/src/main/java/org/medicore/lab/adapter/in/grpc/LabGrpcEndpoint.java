package org.medicore.lab.adapter.in.grpc;

import org.medicore.contracts.lab.v1.ListReportsByPatientResponse;
import org.medicore.contracts.lab.v1.ListReportsByPatientRequest;
import org.medicore.lab.application.port.in.ListReportsByPatient;
import io.grpc.stub.StreamObserver;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.lab.v1.ConfirmUploadRequest;
import org.medicore.contracts.lab.v1.ConfirmUploadResponse;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlResponse;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.GetReportStatusResponse;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientResponse;
import org.medicore.contracts.lab.v1.RequestUploadUrlRequest;
import org.medicore.contracts.lab.v1.RequestUploadUrlResponse;
import org.medicore.lab.adapter.proto.LabProtos;
import org.medicore.support.mapping.ProtoConversions;
import org.medicore.lab.application.port.in.ConfirmUpload;
import org.medicore.lab.application.port.in.GetReportDownloadUrl;
import org.medicore.lab.domain.UploadLimits;
import org.medicore.lab.application.port.in.GetReportStatus;
import org.medicore.lab.application.port.in.ListResultsByPatient;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.Outcome;
import org.medicore.lab.application.port.in.RequestUploadCommand;
import org.medicore.lab.application.port.in.RequestUploadUrl;
import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.ReviewDecision;
import org.medicore.lab.application.port.in.DecideReview;
import org.medicore.lab.application.port.in.ReceiveLabMessage;
import org.medicore.contracts.lab.v1.SubmitHl7MessageRequest;
import org.medicore.contracts.lab.v1.SubmitHl7MessageResponse;
import org.medicore.lab.application.port.in.ListReviewQueue;
import org.medicore.contracts.lab.v1.DecideReviewRequest;
import org.medicore.contracts.lab.v1.DecideReviewResponse;
import org.medicore.contracts.lab.v1.ListReviewQueueRequest;
import org.medicore.contracts.lab.v1.ListReviewQueueResponse;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** LabService: reads requests, calls one use case, turns refusals into statuses with details. */
final class LabGrpcEndpoint extends LabServiceGrpc.LabServiceImplBase {

    private static final String DOMAIN = "lab.medicore.org";

    private final RequestUploadUrl requestUploadUrl;
    private final ConfirmUpload confirmUpload;
    private final GetReportStatus getReportStatus;
    private final GetReportDownloadUrl getReportDownloadUrl;
    private final ListResultsByPatient listResultsByPatient;
    private final ListReportsByPatient listReportsByPatient;
    private final ListReviewQueue listReviewQueue;
    private final DecideReview decideReview;
    private final ReceiveLabMessage receiveLabMessage;
    private final LocalUploadTrigger trigger;
    private final UploadLimits limits;

    LabGrpcEndpoint(RequestUploadUrl requestUploadUrl, ConfirmUpload confirmUpload, GetReportStatus getReportStatus,
                    GetReportDownloadUrl getReportDownloadUrl, ListResultsByPatient listResultsByPatient, ListReportsByPatient listReportsByPatient,
                    ListReviewQueue listReviewQueue, DecideReview decideReview, ReceiveLabMessage receiveLabMessage,
                    LocalUploadTrigger trigger, UploadLimits limits) {
        this.requestUploadUrl = requestUploadUrl;
        this.confirmUpload = confirmUpload;
        this.getReportStatus = getReportStatus;
        this.getReportDownloadUrl = getReportDownloadUrl;
        this.listResultsByPatient = listResultsByPatient;
        this.listReportsByPatient = listReportsByPatient;
        this.listReviewQueue = listReviewQueue;
        this.decideReview = decideReview;
        this.receiveLabMessage = receiveLabMessage;
        this.trigger = trigger;
        this.limits = limits;
    }

    @Override
    public void requestUploadUrl(RequestUploadUrlRequest request, StreamObserver<RequestUploadUrlResponse> response) {
        RequestReader read = new RequestReader(request);
        read.checkUpload(request, limits);
        answer(response, read, caller -> requestUploadUrl.requestUploadUrl(new RequestUploadCommand(caller,
                        request.getPatientId(), request.getFileName(), request.getSizeBytes())),
                (caller, ticket) -> RequestUploadUrlResponse.newBuilder().setReportId(ticket.reportId())
                        .setUploadUrl(ticket.uploadUrl()).putAllRequiredHeaders(ticket.requiredHeaders())
                        .setExpiresAt(ProtoConversions.timestamp(ticket.expiresAt())).build());
    }

    @Override
    public void confirmUpload(ConfirmUploadRequest request, StreamObserver<ConfirmUploadResponse> response) {
        answer(response, new RequestReader(request), caller -> {
            Outcome<LabReport> outcome = confirmUpload.confirmUpload(caller, request.getReportId());
            // a report left PROCESSING by a failed run is processed again on the next confirmation
            if (outcome instanceof Outcome.Done<LabReport> done && !done.value().status().processingEnded()) {
                trigger.uploaded(done.value().id(), done.value().declaredSize());
            }
            return outcome;
        }, (caller, report) -> ConfirmUploadResponse.newBuilder().setReport(LabProtos.PROTOS.report(report, caller)).build());
    }

    @Override
    public void getReportStatus(GetReportStatusRequest request, StreamObserver<GetReportStatusResponse> response) {
        answer(response, new RequestReader(request), caller -> getReportStatus.reportStatus(caller, request.getReportId()),
                (caller, report) -> GetReportStatusResponse.newBuilder().setReport(LabProtos.PROTOS.report(report, caller)).build());
    }

    @Override
    public void getReportDownloadUrl(GetReportDownloadUrlRequest request,
                                     StreamObserver<GetReportDownloadUrlResponse> response) {
        answer(response, new RequestReader(request), caller -> getReportDownloadUrl.downloadUrl(caller, request.getReportId()),
                (caller, download) -> GetReportDownloadUrlResponse.newBuilder().setDownloadUrl(download.url())
                        .setExpiresAt(ProtoConversions.timestamp(download.expiresAt()))
                        .setContentType(UploadLimits.PDF).setSizeBytes(download.sizeBytes())
                        .setFileName(download.fileName()).setPatientId(download.patientId()).build());
    }

    @Override
    public void listResultsByPatient(ListResultsByPatientRequest request,
                                     StreamObserver<ListResultsByPatientResponse> response) {
        RequestReader read = new RequestReader(request);
        Optional<String> reportId = request.getReportId().isEmpty() ? Optional.empty() : Optional.of(request.getReportId());
        int size = read.pageSize(request.getPage().getPageSize());
        answer(response, read, caller -> listResultsByPatient.resultsByPatient(caller, request.getPatientId(), reportId,
                        size, request.getPage().getPageToken()),
                (caller, page) -> ListResultsByPatientResponse.newBuilder()
                        .addAllResults(page.results().stream().map(LabProtos.PROTOS::result).toList())
                        .setPageInfo(PageInfo.newBuilder().setNextPageToken(page.nextPageToken())
                                .setTotalSize(page.totalSize())).build());
    }

    @Override
    public void listReportsByPatient(ListReportsByPatientRequest request,
                                     StreamObserver<ListReportsByPatientResponse> response) {
        RequestReader read = new RequestReader(request);
        int size = read.pageSize(request.getPage().getPageSize());
        answer(response, read, caller -> listReportsByPatient.reportsByPatient(caller, request.getPatientId(), size,
                        request.getPage().getPageToken()),
                (caller, page) -> ListReportsByPatientResponse.newBuilder()
                        .addAllReports(page.reports().stream().map(report -> LabProtos.PROTOS.report(report, caller)).toList())
                        .setPageInfo(PageInfo.newBuilder().setNextPageToken(page.nextPageToken()).setTotalSize(-1))
                        .build());
    }

    @Override
    public void listReviewQueue(ListReviewQueueRequest request, StreamObserver<ListReviewQueueResponse> response) {
        RequestReader read = new RequestReader(request);
        int size = read.pageSize(request.getPage().getPageSize());
        answer(response, read, caller -> listReviewQueue.reviewQueue(caller, size, request.getPage().getPageToken()),
                (caller, page) -> ListReviewQueueResponse.newBuilder()
                        .addAllReports(page.reports().stream().map(report -> LabProtos.PROTOS.report(report, caller)).toList())
                        .setPageInfo(PageInfo.newBuilder().setNextPageToken(page.nextPageToken()).setTotalSize(-1))
                        .build());
    }

    @Override
    public void decideReview(DecideReviewRequest request, StreamObserver<DecideReviewResponse> response) {
        RequestReader read = new RequestReader(request);
        ReviewDecision decision = read.decision(request);
        answer(response, read, caller -> decideReview.decide(caller, request.getReportId(), request.getExpectedVersion(), decision),
                (caller, report) -> DecideReviewResponse.newBuilder().setReport(LabProtos.PROTOS.report(report, caller)).build());
    }

    @Override
    public void submitHl7Message(SubmitHl7MessageRequest request, StreamObserver<SubmitHl7MessageResponse> response) {
        answer(response, new RequestReader(request),
                caller -> receiveLabMessage.receive(caller, request.getText().getBytes(StandardCharsets.UTF_8)),
                (caller, receipt) -> {
                    SubmitHl7MessageResponse.Builder answer = SubmitHl7MessageResponse.newBuilder()
                            .setAcknowledgement(receipt.acknowledgement()).setAcknowledgementCode(receipt.code());
                    receipt.report().ifPresent(report -> answer.setReport(LabProtos.PROTOS.report(report, caller)));
                    return answer.build();
                });
    }

    /**
     * Refuses every malformed field the reader found at once, before the caller is looked at or any
     * use case runs; else answers the use case's outcome for the caller.
     */
    private static <T, R> void answer(StreamObserver<R> response, RequestReader read, Function<Caller, Outcome<T>> useCase,
                                      BiFunction<Caller, T, R> map) {
        if (!read.isValid()) {
            response.onError(GrpcErrors.invalid(read.violations()));
            return;
        }
        Caller caller = Callers.current();
        switch (useCase.apply(caller)) {
            case Outcome.Done<T> done -> {
                response.onNext(map.apply(caller, done.value()));
                response.onCompleted();
            }
            case Outcome.Refused<T> refused -> response.onError(GrpcErrors.refused(refused.refusal(), DOMAIN));
        }
    }
}
