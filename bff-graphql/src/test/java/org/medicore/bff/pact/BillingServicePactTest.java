package org.medicore.bff.pact;

import au.com.dius.pact.consumer.dsl.SynchronousMessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.contracts.billing.v1.AppointmentFee;
import org.medicore.contracts.billing.v1.BatchGetInvoicesByAppointmentsRequest;
import org.medicore.contracts.billing.v1.BatchGetInvoicesByAppointmentsResponse;
import org.medicore.contracts.billing.v1.BatchListInvoicesByPatientsRequest;
import org.medicore.contracts.billing.v1.BatchListInvoicesByPatientsResponse;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.billing.v1.ChargeReason;
import org.medicore.contracts.billing.v1.FeeSchedule;
import org.medicore.contracts.billing.v1.GetFeeScheduleRequest;
import org.medicore.contracts.billing.v1.GetFeeScheduleResponse;
import org.medicore.contracts.billing.v1.GetInvoiceRequest;
import org.medicore.contracts.billing.v1.GetInvoiceResponse;
import org.medicore.contracts.billing.v1.Invoice;
import org.medicore.contracts.billing.v1.InvoiceLineItem;
import org.medicore.contracts.billing.v1.InvoiceStatus;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientResponse;
import org.medicore.contracts.billing.v1.ListInvoicesDueRequest;
import org.medicore.contracts.billing.v1.ListInvoicesDueResponse;
import org.medicore.contracts.billing.v1.PatientInvoices;
import org.medicore.contracts.billing.v1.Payment;
import org.medicore.contracts.billing.v1.PaymentMethod;
import org.medicore.contracts.billing.v1.RecordPaymentRequest;
import org.medicore.contracts.billing.v1.RecordPaymentResponse;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.Money;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.localstack.pact.CommittedPacts;
import org.medicore.localstack.pact.GrpcPacts;
import org.medicore.localstack.pact.StateValue;

import java.util.List;

import static org.medicore.localstack.pact.GrpcInteraction.call;

/** What the BFF asks of billing-service, and what it reads from the answers. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = BillingServicePactTest.PROVIDER, providerType = ProviderType.SYNCH_MESSAGE)
class BillingServicePactTest {

    static final String PROVIDER = "billing-service";
    static final String AN_INVOICE = "an issued invoice for a completed visit";

    private static final StateValue INVOICE_ID = new StateValue("invoiceId", "8b2e5f1a-6c3d-4a9e-b1f7-2d4c6e8a0b53");
    private static final StateValue PATIENT_ID = new StateValue("patientId", "4f7a1c3e-9b2d-4e6a-8c5f-3a1e7b9d2c64");
    private static final StateValue APPOINTMENT_ID = new StateValue("appointmentId", "d6a3c9e2-1f4b-4b7d-a8e6-5c2f9a1d3e75");

    private static final Timestamp ISSUED_AT = Timestamp.newBuilder().setSeconds(1_780_000_000).build();
    private static final Invoice ISSUED = Invoice.newBuilder().setId(INVOICE_ID.example()).setNumber("2026-000042")
            .setPatientId(PATIENT_ID.example()).setAppointmentId(APPOINTMENT_ID.example())
            .setChargeReason(ChargeReason.VISIT).setStatus(InvoiceStatus.ISSUED)
            .addLineItems(InvoiceLineItem.newBuilder().setDescription("Consultation").setQuantity(1)
                    .setUnitPrice(eur(8000)).setTotal(eur(8000)))
            .setSubtotal(eur(8000)).setTotal(eur(8000)).setBalanceDue(eur(8000)).setIssuedAt(ISSUED_AT)
            .setDueDate(Date.newBuilder().setYear(2026).setMonth(6).setDay(27)).setVersion(1).build();

    @Pact(consumer = BffPacts.CONSUMER)
    V4Pact billingService(SynchronousMessagePactBuilder builder) {
        return GrpcPacts.pact(BffPacts.CONSUMER, PROVIDER,
                call(BillingServiceGrpc.getGetFeeScheduleMethod())
                        .given("the clinic's fee schedule").by("BILLING")
                        .sending(GetFeeScheduleRequest.getDefaultInstance())
                        .receiving(GetFeeScheduleResponse.newBuilder().setFeeSchedule(FeeSchedule.newBuilder()
                                .addFees(AppointmentFee.newBuilder().setAppointmentType(AppointmentType.CONSULTATION)
                                        .setFee(eur(8000)))
                                .setVersion(1).setUpdatedAt(ISSUED_AT)).build()),
                call(BillingServiceGrpc.getGetInvoiceMethod())
                        .given(AN_INVOICE, INVOICE_ID).by("BILLING")
                        .sending(GetInvoiceRequest.newBuilder().setInvoiceId(INVOICE_ID.example()).build())
                        .receiving(GetInvoiceResponse.newBuilder().setInvoice(ISSUED).build()),
                call(BillingServiceGrpc.getListInvoicesByPatientMethod())
                        .given(AN_INVOICE, PATIENT_ID).by("BILLING")
                        .sending(ListInvoicesByPatientRequest.newBuilder().setPatientId(PATIENT_ID.example())
                                .addStatuses(InvoiceStatus.ISSUED).setPage(PageRequest.newBuilder().setPageSize(20)).build())
                        .receiving(ListInvoicesByPatientResponse.newBuilder().addInvoices(ISSUED)
                                .setPageInfo(PageInfo.newBuilder().setTotalSize(1)).build()),
                call(BillingServiceGrpc.getListInvoicesDueMethod())
                        .given(AN_INVOICE).by("BILLING")
                        .sending(ListInvoicesDueRequest.newBuilder().setPage(PageRequest.newBuilder().setPageSize(20)).build())
                        .receiving(ListInvoicesDueResponse.newBuilder().addInvoices(ISSUED)
                                .setPageInfo(PageInfo.newBuilder().setTotalSize(1)).build()),
                call(BillingServiceGrpc.getBatchListInvoicesByPatientsMethod())
                        .given(AN_INVOICE, PATIENT_ID).by("BILLING")
                        .sending(BatchListInvoicesByPatientsRequest.newBuilder().addPatientIds(PATIENT_ID.example())
                                .setLimitPerPatient(5).build())
                        .receiving(BatchListInvoicesByPatientsResponse.newBuilder().addPatients(PatientInvoices.newBuilder()
                                .setPatientId(PATIENT_ID.example()).addInvoices(ISSUED)).build()),
                call(BillingServiceGrpc.getBatchGetInvoicesByAppointmentsMethod())
                        .given(AN_INVOICE, APPOINTMENT_ID).by("BILLING")
                        .sending(BatchGetInvoicesByAppointmentsRequest.newBuilder()
                                .addAppointmentIds(APPOINTMENT_ID.example()).build())
                        .receiving(BatchGetInvoicesByAppointmentsResponse.newBuilder().addInvoices(ISSUED).build()),
                call(BillingServiceGrpc.getRecordPaymentMethod())
                        .given(AN_INVOICE, INVOICE_ID).by("BILLING")
                        .sending(RecordPaymentRequest.newBuilder().setIdempotencyKey("6e9c2a4f-8b1d-4f3e-a7c5-9d2b4f6a8c86")
                                .setInvoiceId(INVOICE_ID.example()).setAmount(eur(3000)).setMethod(PaymentMethod.CARD)
                                .setReference("terminal 4711").build())
                        .receiving(RecordPaymentResponse.newBuilder().setInvoice(ISSUED.toBuilder()
                                .setStatus(InvoiceStatus.PARTIALLY_PAID).setAmountPaid(eur(3000)).setBalanceDue(eur(5000))
                                .addPayments(Payment.newBuilder().setId("1a5d8f2c-4e7b-4c9a-b3d6-8f1a5c7e9b97")
                                        .setInvoiceId(INVOICE_ID.example()).setAmount(eur(3000))
                                        .setMethod(PaymentMethod.CARD).setReceivedAt(ISSUED_AT))).build()));
    }

    @Test
    void theBffReadsEveryAnswer(List<Interaction> interactions) {
        GrpcPacts.assertReadable(interactions, BillingServiceGrpc.getServiceDescriptor());
    }

    private static Money eur(long amountMinor) {
        return Money.newBuilder().setAmountMinor(amountMinor).setCurrency("EUR").build();
    }
}
