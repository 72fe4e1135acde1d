package org.medicore.billing;

import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.billing.application.port.in.ApplyBillingEvents;
import org.medicore.billing.domain.AppointmentRef;
import org.medicore.billing.domain.Charge;
import org.medicore.billing.domain.ChargeReason;
import org.medicore.billing.support.RunningBillingService;
import org.medicore.billing.support.GrpcCalls;
import org.medicore.localstack.TestTokens;
import org.medicore.contracts.billing.v1.BatchGetInvoicesByAppointmentsRequest;
import org.medicore.contracts.billing.v1.BatchListInvoicesByPatientsRequest;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.billing.v1.PatientInvoices;
import org.medicore.contracts.billing.v1.GetBillingAccountRequest;
import org.medicore.contracts.billing.v1.GetFeeScheduleRequest;
import org.medicore.contracts.billing.v1.GetInvoiceRequest;
import org.medicore.contracts.billing.v1.Invoice;
import org.medicore.contracts.billing.v1.InvoiceStatus;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientResponse;
import org.medicore.contracts.billing.v1.ListInvoicesDueRequest;
import org.medicore.contracts.billing.v1.ListInvoicesDueResponse;
import org.medicore.contracts.billing.v1.PaymentMethod;
import org.medicore.contracts.billing.v1.RecordPaymentRequest;
import org.medicore.contracts.billing.v1.RecordPaymentResponse;
import org.medicore.contracts.billing.v1.UpdateFeeScheduleRequest;
import org.medicore.contracts.billing.v1.VoidInvoiceRequest;
import org.medicore.contracts.common.v1.Money;
import org.medicore.contracts.common.v1.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.billing.support.GrpcCalls.codeOf;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.medicore.support.grpc.RefusalDetails.detail;
import static org.medicore.support.grpc.RefusalDetails.violatedField;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

/** BillingService over a real gRPC channel, with Keycloak-shaped tokens. */
class BillingGrpcEndpointTest extends RunningBillingService {

    private static final String BILLING_STAFF = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a03";

    @LocalGrpcServerPort
    int port;

    @Autowired
    ApplyBillingEvents events;

    private ManagedChannel channel;
    private final UUID patient = UUID.randomUUID();

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        events.openAccount(new ApplyBillingEvents.PatientRegistration(UUID.randomUUID(),
                "medicore.events.v1.PatientRegistered", patient, Instant.now()));
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void a_patient_reads_their_own_invoices_page_by_page_newest_first() {
        for (int i = 0; i < 3; i++) {
            visit();
        }
        var asPatient = stub(TestTokens.forSubject(patient.toString(), "PATIENT"));

        ListInvoicesByPatientResponse first = asPatient.listInvoicesByPatient(ListInvoicesByPatientRequest.newBuilder()
                .setPatientId(patient.toString()).setPage(PageRequest.newBuilder().setPageSize(2)).build());
        ListInvoicesByPatientResponse second = asPatient.listInvoicesByPatient(ListInvoicesByPatientRequest.newBuilder()
                .setPatientId(patient.toString()).setPage(PageRequest.newBuilder().setPageSize(2)
                        .setPageToken(first.getPageInfo().getNextPageToken())).build());

        assertThat(first.getInvoicesList()).hasSize(2);
        assertThat(first.getPageInfo().getTotalSize()).isEqualTo(3);
        assertThat(second.getInvoicesList()).hasSize(1);
        assertThat(second.getPageInfo().getNextPageToken()).isEmpty();
        List<Invoice> all = new ArrayList<>(first.getInvoicesList());
        all.addAll(second.getInvoicesList());
        assertThat(all).extracting(invoice -> invoice.getIssuedAt().getSeconds() * 1_000_000_000L
                + invoice.getIssuedAt().getNanos()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(asPatient.getBillingAccount(GetBillingAccountRequest.newBuilder()
                .setPatientId(patient.toString()).build()).getAccount().getOpenInvoiceCount()).isEqualTo(3);
    }

    @Test
    void a_patient_may_not_read_another_patients_invoices() {
        Invoice invoice = visit();
        var asSomeoneElse = stub(TestTokens.forSubject(UUID.randomUUID().toString(), "PATIENT"));

        assertThat(codeOf(() -> asSomeoneElse.getInvoice(GetInvoiceRequest.newBuilder()
                .setInvoiceId(invoice.getId()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> asSomeoneElse.listInvoicesByPatient(ListInvoicesByPatientRequest.newBuilder()
                .setPatientId(patient.toString()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void a_call_without_a_valid_token_is_unauthenticated() {
        var request = GetFeeScheduleRequest.getDefaultInstance();

        assertThat(codeOf(() -> BillingServiceGrpc.newBlockingStub(channel).getFeeSchedule(request)))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(codeOf(() -> stub(TestTokens.expired(BILLING_STAFF, "BILLING")).getFeeSchedule(request)))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(codeOf(() -> stub(TestTokens.forAnotherAudience(BILLING_STAFF, "BILLING")).getFeeSchedule(request)))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(codeOf(() -> stub(TestTokens.signedByAStranger(BILLING_STAFF, "BILLING")).getFeeSchedule(request)))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void billing_records_a_partial_and_then_the_final_payment_and_the_invoice_is_paid() {
        Invoice invoice = visit();
        long total = invoice.getTotal().getAmountMinor();
        var asBilling = stub(TestTokens.forSubject(BILLING_STAFF, "BILLING"));

        RecordPaymentResponse partial = asBilling.recordPayment(payment(invoice, total - 1000));
        RecordPaymentResponse last = asBilling.recordPayment(payment(invoice, 1000));

        assertThat(partial.getInvoice().getStatus()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(last.getInvoice().getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(last.getInvoice().getBalanceDue().getAmountMinor()).isZero();
        assertThat(last.getInvoice().getPaymentsList()).hasSize(2);
        assertThat(last.getPayment().getRecordedBy().getSubject()).isEqualTo(BILLING_STAFF);
    }

    @Test
    void should_refuse_an_over_payment_as_a_failed_precondition() {
        Invoice invoice = visit();

        StatusRuntimeException refusal = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub(TestTokens.forSubject(BILLING_STAFF, "BILLING"))
                        .recordPayment(payment(invoice, invoice.getTotal().getAmountMinor() + 1)));

        assertThat(refusal.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refusal.getStatus().getDescription()).isEqualTo("the amount exceeds the balance due");
        var broken = detail(refusal, PreconditionFailure.class).getViolations(0);
        assertThat(broken.getType()).isEqualTo("AMOUNT_EXCEEDS_BALANCE");
        assertThat(broken.getSubject()).isEqualTo("invoice");
    }

    @Test
    void an_unknown_invoice_a_payment_in_another_currency_and_a_stale_void_are_each_refused_with_their_status() {
        Invoice invoice = visit();
        var asBilling = stub(TestTokens.forSubject(BILLING_STAFF, "BILLING"));
        String unknown = UUID.randomUUID().toString();
        String otherCurrency = invoice.getTotal().getCurrency().equals("EUR") ? "USD" : "EUR";

        StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class, () ->
                asBilling.getInvoice(GetInvoiceRequest.newBuilder().setInvoiceId(unknown).build()));
        StatusRuntimeException foreign = catchThrowableOfType(StatusRuntimeException.class, () ->
                asBilling.recordPayment(payment(invoice, 100).toBuilder()
                        .setAmount(Money.newBuilder().setAmountMinor(100).setCurrency(otherCurrency)).build()));
        StatusRuntimeException stale = catchThrowableOfType(StatusRuntimeException.class, () ->
                asBilling.voidInvoice(VoidInvoiceRequest.newBuilder().setInvoiceId(invoice.getId())
                        .setExpectedVersion(invoice.getVersion() + 1).setReason("entered twice").build()));

        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(missing.getStatus().getDescription()).isEqualTo("no invoice " + unknown);
        assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(foreign.getStatus().getDescription()).isEqualTo("amount.currency: must be the invoice currency");
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(detail(stale, ErrorInfo.class).getDomain()).isEqualTo("billing.medicore.org");
        assertThat(detail(stale, ErrorInfo.class).getMetadataMap())
                .containsEntry("current_version", Long.toString(invoice.getVersion()));
    }

    @Test
    void a_repeated_payment_returns_the_first_result_and_a_reused_key_with_another_request_is_refused() {
        Invoice invoice = visit();
        var asBilling = stub(TestTokens.forSubject(BILLING_STAFF, "ADMIN"));
        RecordPaymentRequest request = payment(invoice, 500);

        RecordPaymentResponse first = asBilling.recordPayment(request);
        RecordPaymentResponse repeat = asBilling.recordPayment(request);
        StatusRuntimeException reused = catchThrowableOfType(StatusRuntimeException.class, () ->
                asBilling.recordPayment(request.toBuilder().setAmount(request.getAmount().toBuilder()
                        .setAmountMinor(600)).build()));

        assertThat(repeat.getPayment()).isEqualTo(first.getPayment());
        assertThat(repeat.getInvoice().getPaymentsList()).hasSize(1);
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedField(reused)).isEqualTo("idempotency_key");
    }

    @Test
    void retries_of_one_payment_sent_at_the_same_time_record_it_once_and_all_get_its_receipt() throws Exception {
        Invoice invoice = visit();
        var asBilling = stub(TestTokens.forSubject(BILLING_STAFF, "BILLING"));
        RecordPaymentRequest request = payment(invoice, 700);

        List<RecordPaymentResponse> answers;
        try (var retries = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<RecordPaymentResponse>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(retries.submit(() -> asBilling.recordPayment(request)));
            }
            answers = new java.util.ArrayList<>();
            for (var answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(answers).extracting(RecordPaymentResponse::getPayment).containsOnly(answers.get(0).getPayment());
        Invoice stored = asBilling.getInvoice(GetInvoiceRequest.newBuilder()
                .setInvoiceId(invoice.getId()).build()).getInvoice();
        assertThat(stored.getPaymentsList()).hasSize(1);
    }

    @Test
    void a_patient_may_not_record_payments() {
        Invoice invoice = visit();

        assertThat(codeOf(() -> stub(TestTokens.forSubject(patient.toString(), "PATIENT"))
                .recordPayment(payment(invoice, 100)))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void an_unpaid_invoice_is_voided_but_one_with_payments_is_not() {
        Invoice unpaid = visit();
        Invoice paidInPart = visit();
        var asBilling = stub(TestTokens.forSubject(BILLING_STAFF, "BILLING"));
        asBilling.recordPayment(payment(paidInPart, 100));

        Invoice voided = asBilling.voidInvoice(VoidInvoiceRequest.newBuilder().setInvoiceId(unpaid.getId())
                .setExpectedVersion(unpaid.getVersion()).setReason("entered twice").build()).getInvoice();
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () ->
                asBilling.voidInvoice(VoidInvoiceRequest.newBuilder().setInvoiceId(paidInPart.getId())
                        .setReason("mistake").build()));

        assertThat(voided.getStatus()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.getNumber()).isEqualTo(unpaid.getNumber());
        assertThat(voided.getVoidReason()).isEqualTo("entered twice");
        assertThat(detail(refused, PreconditionFailure.class).getViolations(0).getType()).isEqualTo("HAS_PAYMENTS");
    }

    @Test
    void a_fee_schedule_change_on_a_stale_version_is_aborted_with_the_current_version() {
        var asBilling = stub(TestTokens.forSubject(BILLING_STAFF, "BILLING"));
        var current = asBilling.getFeeSchedule(GetFeeScheduleRequest.getDefaultInstance()).getFeeSchedule();

        var changed = asBilling.updateFeeSchedule(UpdateFeeScheduleRequest.newBuilder()
                .setExpectedVersion(current.getVersion()).addAllFees(current.getFeesList())
                .setTaxRateBasisPoints(current.getTaxRateBasisPoints()).build()).getFeeSchedule();
        StatusRuntimeException stale = catchThrowableOfType(StatusRuntimeException.class, () ->
                asBilling.updateFeeSchedule(UpdateFeeScheduleRequest.newBuilder()
                        .setExpectedVersion(current.getVersion()).addAllFees(current.getFeesList()).build()));

        assertThat(changed.getVersion()).isEqualTo(current.getVersion() + 1);
        assertThat(changed.getUpdatedBy().getSubject()).isEqualTo(BILLING_STAFF);
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(detail(stale, ErrorInfo.class).getMetadataMap())
                .containsEntry("current_version", Long.toString(changed.getVersion()));
    }

    @Test
    void a_malformed_request_names_each_bad_field() {
        StatusRuntimeException invalid = catchThrowableOfType(StatusRuntimeException.class, () ->
                stub(TestTokens.forSubject(BILLING_STAFF, "BILLING")).recordPayment(RecordPaymentRequest.newBuilder()
                        .setInvoiceId("not-a-uuid")
                        .setReceivedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)).build()));

        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(invalid))
                .containsExactlyInAnyOrder("idempotency_key", "invoice_id", "amount", "method", "received_at");
    }

    @Test
    void billing_staff_see_every_invoice_with_a_balance_due_the_earliest_due_first_and_a_patient_may_not() {
        Invoice open = visit();
        Invoice paid = visit();
        var asStaff = stub(TestTokens.forSubject(BILLING_STAFF, "BILLING"));
        asStaff.recordPayment(payment(paid, paid.getBalanceDue().getAmountMinor()));

        List<Invoice> worklist = new ArrayList<>();
        String token = "";
        do {
            ListInvoicesDueResponse page = asStaff.listInvoicesDue(ListInvoicesDueRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(100).setPageToken(token)).build());
            worklist.addAll(page.getInvoicesList());
            token = page.getPageInfo().getNextPageToken();
        } while (!token.isEmpty());
        ListInvoicesDueResponse overdue = asStaff.listInvoicesDue(ListInvoicesDueRequest.newBuilder().setOverdueOnly(true).build());

        assertThat(worklist).extracting(Invoice::getId).contains(open.getId()).doesNotContain(paid.getId());
        assertThat(worklist).extracting(Invoice::getStatus).isSubsetOf(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);
        assertThat(worklist).extracting(invoice -> java.time.LocalDate.of(invoice.getDueDate().getYear(),
                invoice.getDueDate().getMonth(), invoice.getDueDate().getDay())).isSorted();
        assertThat(overdue.getInvoicesList()).extracting(Invoice::getId).doesNotContain(open.getId());
        assertThat(codeOf(() -> stub(TestTokens.forSubject(patient.toString(), "PATIENT"))
                .listInvoicesDue(ListInvoicesDueRequest.getDefaultInstance()))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void the_newest_invoices_of_several_patients_come_in_one_call_and_a_patient_sees_only_their_own() {
        for (int i = 0; i < 3; i++) {
            visit();
        }
        UUID stranger = UUID.randomUUID();
        var request = BatchListInvoicesByPatientsRequest.newBuilder().addPatientIds(stranger.toString())
                .addPatientIds(patient.toString()).setLimitPerPatient(2).build();

        var staffView = stub(TestTokens.forSubject(BILLING_STAFF, "BILLING")).batchListInvoicesByPatients(request);
        var strangersView = stub(TestTokens.forSubject(stranger.toString(), "PATIENT")).batchListInvoicesByPatients(request);

        assertThat(staffView.getPatientsList()).extracting(PatientInvoices::getPatientId)
                .containsExactly(stranger.toString(), patient.toString());
        assertThat(staffView.getPatients(0).getInvoicesList()).isEmpty();
        assertThat(staffView.getPatients(1).getInvoicesList()).hasSize(2);
        assertThat(staffView.getPatients(1).getHasMore()).isTrue();
        assertThat(strangersView.getPatients(1).getInvoicesList()).isEmpty();
    }

    @Test
    void invoices_by_appointment_leave_out_what_the_caller_may_not_see() {
        Invoice invoice = visit();
        var request = BatchGetInvoicesByAppointmentsRequest.newBuilder().addAppointmentIds(invoice.getAppointmentId())
                .addAppointmentIds(UUID.randomUUID().toString()).build();

        var own = stub(TestTokens.forSubject(patient.toString(), "PATIENT")).batchGetInvoicesByAppointments(request);
        var someoneElses = stub(TestTokens.forSubject(UUID.randomUUID().toString(), "PATIENT"))
                .batchGetInvoicesByAppointments(request);

        assertThat(own.getInvoicesList()).extracting(Invoice::getId).containsExactly(invoice.getId());
        assertThat(someoneElses.getInvoicesList()).isEmpty();
    }

    @Test
    void a_batch_with_a_malformed_id_or_a_limit_out_of_range_names_each_field() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub(TestTokens.forSubject(BILLING_STAFF, "BILLING")).batchListInvoicesByPatients(
                        BatchListInvoicesByPatientsRequest.newBuilder().addPatientIds(patient.toString())
                                .addPatientIds("nope").setLimitPerPatient(51).build()));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error))
                .containsExactlyInAnyOrder("patient_ids[1]", "limit_per_patient");
    }

    private Invoice visit() {
        UUID appointment = UUID.randomUUID();
        events.charge(new ApplyBillingEvents.ChargeEvent(UUID.randomUUID(), "medicore.events.v1.AppointmentCompleted",
                new Charge(patient, new AppointmentRef(appointment, "practitioner-1", "cardiology", "clinic-1",
                        Instant.now()), org.medicore.billing.domain.AppointmentType.CONSULTATION, ChargeReason.VISIT)));
        return stub(TestTokens.forSubject(BILLING_STAFF, "BILLING")).listInvoicesByPatient(
                        ListInvoicesByPatientRequest.newBuilder().setPatientId(patient.toString()).build())
                .getInvoicesList().stream().filter(invoice -> invoice.getAppointmentId().equals(appointment.toString()))
                .findFirst().orElseThrow();
    }

    private static RecordPaymentRequest payment(Invoice invoice, long amountMinor) {
        return RecordPaymentRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
                .setInvoiceId(invoice.getId())
                .setAmount(Money.newBuilder().setAmountMinor(amountMinor).setCurrency(invoice.getTotal().getCurrency()))
                .setMethod(PaymentMethod.CARD).setReference("terminal 4711").build();
    }

    private BillingServiceGrpc.BillingServiceBlockingStub stub(String token) {
        return GrpcCalls.billingAs(channel, token);
    }

}
