package org.medicore.billing.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import org.medicore.billing.application.port.in.ManageFeeSchedule;
import org.medicore.billing.application.port.in.RecordPayment;
import org.medicore.billing.application.port.in.ViewBilling;
import org.medicore.billing.application.port.in.VoidInvoice;
import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.Money;
import org.medicore.billing.domain.PaymentMethod;
import org.medicore.contracts.billing.v1.BatchGetInvoicesByAppointmentsRequest;
import org.medicore.contracts.billing.v1.BatchGetInvoicesByAppointmentsResponse;
import org.medicore.contracts.billing.v1.BatchListInvoicesByPatientsRequest;
import org.medicore.contracts.billing.v1.BatchListInvoicesByPatientsResponse;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.billing.v1.GetBillingAccountRequest;
import org.medicore.contracts.billing.v1.GetBillingAccountResponse;
import org.medicore.contracts.billing.v1.GetFeeScheduleRequest;
import org.medicore.contracts.billing.v1.GetFeeScheduleResponse;
import org.medicore.contracts.billing.v1.GetInvoiceRequest;
import org.medicore.contracts.billing.v1.GetInvoiceResponse;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientResponse;
import org.medicore.contracts.billing.v1.ListInvoicesDueRequest;
import org.medicore.contracts.billing.v1.ListInvoicesDueResponse;
import org.medicore.contracts.billing.v1.PatientInvoices;
import org.medicore.contracts.billing.v1.RecordPaymentRequest;
import org.medicore.contracts.billing.v1.RecordPaymentResponse;
import org.medicore.contracts.billing.v1.UpdateFeeScheduleRequest;
import org.medicore.contracts.billing.v1.UpdateFeeScheduleResponse;
import org.medicore.contracts.billing.v1.VoidInvoiceRequest;
import org.medicore.contracts.billing.v1.VoidInvoiceResponse;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.paging.PageTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** The BillingService rpcs: read the request, call one use case, answer or translate the refusal. */
final class BillingGrpcEndpoint extends BillingServiceGrpc.BillingServiceImplBase {

    /** The domain a stale version's {@code ErrorInfo} names, as callers have always read it. */
    private static final String DOMAIN = "billing.medicore.org";

    private final ViewBilling view;
    private final ManageFeeSchedule feeSchedule;
    private final RecordPayment payments;
    private final VoidInvoice voiding;

    BillingGrpcEndpoint(ViewBilling view, ManageFeeSchedule feeSchedule, RecordPayment payments, VoidInvoice voiding) {
        this.view = view;
        this.feeSchedule = feeSchedule;
        this.payments = payments;
        this.voiding = voiding;
    }

    @Override
    public void getBillingAccount(GetBillingAccountRequest request, StreamObserver<GetBillingAccountResponse> response) {
        RequestReader read = new RequestReader(request);
        UUID patientId = read.ruledUuid(request.getPatientId());
        answer(response, read, () -> view.accountOf(caller(), patientId),
                statement -> GetBillingAccountResponse.newBuilder()
                        .setAccount(BillingProtoMapper.PROTOS.account(statement)).build());
    }

    @Override
    public void getFeeSchedule(GetFeeScheduleRequest request, StreamObserver<GetFeeScheduleResponse> response) {
        answer(response, new RequestReader(request), () -> view.feeSchedule(caller()),
                schedule -> GetFeeScheduleResponse.newBuilder()
                        .setFeeSchedule(BillingProtoMapper.PROTOS.feeSchedule(schedule)).build());
    }

    @Override
    public void updateFeeSchedule(UpdateFeeScheduleRequest request, StreamObserver<UpdateFeeScheduleResponse> response) {
        RequestReader read = new RequestReader(request);
        var change = new ManageFeeSchedule.FeeScheduleChange(request.getExpectedVersion(),
                read.fees(request.getFeesList()), request.getTaxRateBasisPoints());
        answer(response, read, () -> feeSchedule.replace(caller(), change),
                schedule -> UpdateFeeScheduleResponse.newBuilder()
                        .setFeeSchedule(BillingProtoMapper.PROTOS.feeSchedule(schedule)).build());
    }

    @Override
    public void getInvoice(GetInvoiceRequest request, StreamObserver<GetInvoiceResponse> response) {
        RequestReader read = new RequestReader(request);
        UUID invoiceId = read.ruledUuid(request.getInvoiceId());
        answer(response, read, () -> view.invoice(caller(), invoiceId),
                invoice -> GetInvoiceResponse.newBuilder().setInvoice(BillingProtoMapper.PROTOS.invoice(invoice)).build());
    }

    @Override
    public void listInvoicesByPatient(ListInvoicesByPatientRequest request,
                                      StreamObserver<ListInvoicesByPatientResponse> response) {
        RequestReader read = new RequestReader(request);
        UUID patientId = read.ruledUuid(request.getPatientId());
        var statuses = read.statuses(request.getStatusesList());
        int limit = read.pageSize(request.getPage().getPageSize());
        int offset = read.pageOffset(request.getPage().getPageToken());
        answer(response, read, () -> view.invoicesOf(caller(), new ViewBilling.InvoiceQuery(patientId, statuses,
                offset, limit)), page -> {
            var proto = ListInvoicesByPatientResponse.newBuilder().setPageInfo(pageInfo(page));
            page.invoices().forEach(invoice -> proto.addInvoices(BillingProtoMapper.PROTOS.invoice(invoice)));
            return proto.build();
        });
    }

    @Override
    public void listInvoicesDue(ListInvoicesDueRequest request, StreamObserver<ListInvoicesDueResponse> response) {
        RequestReader read = new RequestReader(request);
        int limit = read.pageSize(request.getPage().getPageSize());
        int offset = read.pageOffset(request.getPage().getPageToken());
        answer(response, read, () -> view.invoicesDue(caller(), new ViewBilling.DueQuery(request.getOverdueOnly(),
                offset, limit)), page -> {
            var proto = ListInvoicesDueResponse.newBuilder().setPageInfo(pageInfo(page));
            page.invoices().forEach(invoice -> proto.addInvoices(BillingProtoMapper.PROTOS.invoice(invoice)));
            return proto.build();
        });
    }

    @Override
    public void batchListInvoicesByPatients(BatchListInvoicesByPatientsRequest request,
                                            StreamObserver<BatchListInvoicesByPatientsResponse> response) {
        RequestReader read = new RequestReader(request);
        List<UUID> patientIds = read.ruledUuids(request.getPatientIdsList());
        var statuses = read.statuses(request.getStatusesList());
        int limit = read.limitPerPatient(request.getLimitPerPatient());
        answer(response, read, () -> view.newestOfPatients(caller(), patientIds, statuses, limit), lists -> {
            var proto = BatchListInvoicesByPatientsResponse.newBuilder();
            lists.forEach(list -> proto.addPatients(PatientInvoices.newBuilder()
                    .setPatientId(list.patientId().toString())
                    .addAllInvoices(list.invoices().stream().map(BillingProtoMapper.PROTOS::invoice).toList())
                    .setHasMore(list.hasMore())));
            return proto.build();
        });
    }

    @Override
    public void batchGetInvoicesByAppointments(BatchGetInvoicesByAppointmentsRequest request,
                                               StreamObserver<BatchGetInvoicesByAppointmentsResponse> response) {
        RequestReader read = new RequestReader(request);
        List<UUID> appointmentIds = read.ruledUuids(request.getAppointmentIdsList());
        answer(response, read, () -> view.invoicesOfAppointments(caller(), appointmentIds),
                invoices -> BatchGetInvoicesByAppointmentsResponse.newBuilder()
                        .addAllInvoices(invoices.stream().map(BillingProtoMapper.PROTOS::invoice).toList()).build());
    }

    @Override
    public void recordPayment(RecordPaymentRequest request, StreamObserver<RecordPaymentResponse> response) {
        RequestReader read = new RequestReader(request);
        String key = read.required(request.getIdempotencyKey(), "idempotency_key");
        UUID invoiceId = read.ruledUuid(request.getInvoiceId());
        Money amount = request.hasAmount() ? read.money(request.getAmount(), "amount") : null;
        PaymentMethod method = RequestReader.method(request.getMethod());
        // to the microsecond, as stored, so the answer shows what a later read returns
        Optional<Instant> receivedAt = read.instant(request.hasReceivedAt(), request.getReceivedAt(), "received_at")
                .map(at -> at.truncatedTo(ChronoUnit.MICROS));
        answer(response, read, () -> payments.record(caller(), new RecordPayment.PaymentCommand(key, invoiceId,
                        amount, method, request.getReference(), receivedAt)),
                receipt -> RecordPaymentResponse.newBuilder()
                        .setPayment(BillingProtoMapper.PROTOS.payment(receipt.payment()))
                        .setInvoice(BillingProtoMapper.PROTOS.invoice(receipt.invoice())).build());
    }

    @Override
    public void voidInvoice(VoidInvoiceRequest request, StreamObserver<VoidInvoiceResponse> response) {
        RequestReader read = new RequestReader(request);
        UUID invoiceId = read.ruledUuid(request.getInvoiceId());
        String reason = read.required(request.getReason(), "reason");
        answer(response, read, () -> voiding.voidInvoice(caller(),
                        new VoidInvoice.VoidCommand(invoiceId, request.getExpectedVersion(), reason)),
                invoice -> VoidInvoiceResponse.newBuilder().setInvoice(BillingProtoMapper.PROTOS.invoice(invoice)).build());
    }

    private static PageInfo pageInfo(ViewBilling.InvoicePage page) {
        return PageInfo.newBuilder().setTotalSize(page.totalSize())
                .setNextPageToken(page.isLast() ? "" : PageTokens.ofOffset(page.nextOffset())).build();
    }

    private static Caller caller() {
        return Callers.current();
    }

    private static <T, R> void answer(StreamObserver<R> response, RequestReader read, Supplier<Outcome<T>> useCase,
                                      Function<T, R> toResponse) {
        if (!read.isValid()) {
            response.onError(GrpcErrors.invalid(read.violations()));
            return;
        }
        switch (useCase.get()) {
            case Outcome.Done<T> done -> {
                response.onNext(toResponse.apply(done.value()));
                response.onCompleted();
            }
            case Outcome.Refused<T> refused -> response.onError(GrpcErrors.refused(refused.refusal(), DOMAIN));
        }
    }
}
