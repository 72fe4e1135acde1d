package org.medicore.bff.billing;

import graphql.GraphQLContext;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.dataloader.DataLoader;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.Links;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.BatchGetAppointmentsRequest;
import org.medicore.contracts.billing.v1.AppointmentFee;
import org.medicore.contracts.billing.v1.BatchGetInvoicesByAppointmentsRequest;
import org.medicore.contracts.billing.v1.BillingServiceGrpc.BillingServiceBlockingStub;
import org.medicore.contracts.billing.v1.FeeSchedule;
import org.medicore.contracts.billing.v1.GetFeeScheduleRequest;
import org.medicore.contracts.billing.v1.GetInvoiceRequest;
import org.medicore.contracts.billing.v1.Invoice;
import org.medicore.contracts.billing.v1.InvoiceLineItem;
import org.medicore.contracts.billing.v1.InvoiceStatus;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientResponse;
import org.medicore.contracts.billing.v1.ListInvoicesDueRequest;
import org.medicore.contracts.billing.v1.ListInvoicesDueResponse;
import org.medicore.contracts.billing.v1.Payment;
import org.medicore.contracts.billing.v1.PaymentMethod;
import org.medicore.contracts.billing.v1.RecordPaymentRequest;
import org.medicore.contracts.common.v1.Money;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.Patient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Invoices, payments and the fee schedule from billing-service. */
@Controller
class BillingController {

    private static final int MAX_PER_PATIENT = 50;

    private final ServiceStubs services;

    BillingController(ServiceStubs services) {
        this.services = services;
    }

    record MoneyInput(Long amountMinor, String currency) {
    }

    record RecordPaymentInput(String invoiceId, MoneyInput amount, String method, String reference, String idempotencyKey) {
    }

    @QueryMapping
    Connection<Invoice> invoices(@Argument String patientId, @Argument List<String> statuses, @Argument Integer first,
                                 @Argument String after, GraphQLContext context) {
        ListInvoicesByPatientResponse page = stub(context).listInvoicesByPatient(ListInvoicesByPatientRequest.newBuilder()
                .setPatientId(patientId).addAllStatuses(statuses(statuses))
                .setPage(PageRequest.newBuilder().setPageSize(PageSize.of(first, "first"))
                        .setPageToken(after == null ? "" : after)).build());
        return Connection.of(page.getInvoicesList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    @QueryMapping
    Connection<Invoice> invoicesDue(@Argument Boolean overdueOnly, @Argument Integer first, @Argument String after,
                                    GraphQLContext context) {
        ListInvoicesDueResponse page = stub(context).listInvoicesDue(ListInvoicesDueRequest.newBuilder()
                .setOverdueOnly(Boolean.TRUE.equals(overdueOnly))
                .setPage(PageRequest.newBuilder().setPageSize(PageSize.of(first, "first"))
                        .setPageToken(after == null ? "" : after)).build());
        return Connection.of(page.getInvoicesList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    @QueryMapping
    Invoice invoice(@Argument String id, GraphQLContext context) {
        return stub(context).getInvoice(GetInvoiceRequest.newBuilder().setInvoiceId(id).build()).getInvoice();
    }

    /** None configured yet is null, not an error: the billing screen offers to set one up. */
    @QueryMapping
    FeeSchedule feeSchedule(GraphQLContext context) {
        try {
            return stub(context).getFeeSchedule(GetFeeScheduleRequest.getDefaultInstance()).getFeeSchedule();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    @SchemaMapping(typeName = "Patient", field = "invoices")
    CompletableFuture<List<Invoice>> invoicesOf(Patient patient, @Argument List<String> statuses, @Argument Integer first,
                                                DataLoader<PatientInvoicesKey, List<Invoice>> patientInvoices) {
        int limit = first == null ? 5 : first;
        if (limit < 1 || limit > MAX_PER_PATIENT) {
            throw new InvalidArgument("first", "must be between 1 and " + MAX_PER_PATIENT);
        }
        return patientInvoices.load(new PatientInvoicesKey(patient.getId(),
                statuses == null ? List.of() : List.copyOf(statuses), limit));
    }

    /** One BatchGetInvoicesByAppointments for all appointments of a query. */
    @BatchMapping(typeName = "Appointment", field = "invoice", maxBatchSize = 100)
    Map<Appointment, Invoice> invoiceOf(List<Appointment> appointments, GraphQLContext context) {
        Map<String, Invoice> found = stub(context).batchGetInvoicesByAppointments(BatchGetInvoicesByAppointmentsRequest
                        .newBuilder().addAllAppointmentIds(appointments.stream().map(Appointment::getId).distinct().toList())
                        .build()).getInvoicesList().stream()
                .collect(Collectors.toMap(Invoice::getAppointmentId, Function.identity(), (first, second) -> first));
        return Links.byKey(appointments, Appointment::getId, found);
    }

    /** One BatchGetAppointments for all invoices of a query; appointments the caller may not see stay null. */
    @BatchMapping(typeName = "Invoice", field = "appointment", maxBatchSize = 100)
    Map<Invoice, Appointment> appointmentOf(List<Invoice> invoices, GraphQLContext context) {
        Map<String, Appointment> found = services.appointments(Caller.of(context)).batchGetAppointments(
                        BatchGetAppointmentsRequest.newBuilder()
                                .addAllAppointmentIds(invoices.stream().map(Invoice::getAppointmentId).distinct().toList())
                                .build()).getAppointmentsList().stream()
                .collect(Collectors.toMap(Appointment::getId, Function.identity()));
        return Links.byKey(invoices, Invoice::getAppointmentId, found);
    }

    @SchemaMapping(typeName = "Invoice", field = "lineItems")
    List<InvoiceLineItem> lineItems(Invoice invoice) {
        return invoice.getLineItemsList();
    }

    @SchemaMapping(typeName = "Invoice", field = "payments")
    List<Payment> payments(Invoice invoice) {
        return invoice.getPaymentsList();
    }

    @SchemaMapping(typeName = "Invoice", field = "dueDate")
    com.google.type.Date dueDate(Invoice invoice) {
        return ProtoValues.orNull(invoice.getDueDate());
    }

    @SchemaMapping(typeName = "Payment", field = "reference")
    String reference(Payment payment) {
        return ProtoValues.orNull(payment.getReference());
    }

    @SchemaMapping(typeName = "FeeSchedule", field = "fees")
    List<AppointmentFee> fees(FeeSchedule schedule) {
        return schedule.getFeesList();
    }

    @MutationMapping
    Invoice recordPayment(@Argument RecordPaymentInput input, GraphQLContext context) {
        return stub(context).recordPayment(RecordPaymentRequest.newBuilder()
                .setIdempotencyKey(ProtoValues.idempotencyKey(input.idempotencyKey()))
                .setInvoiceId(input.invoiceId())
                .setAmount(Money.newBuilder().setAmountMinor(input.amount().amountMinor())
                        .setCurrency(input.amount().currency()))
                .setMethod(PaymentMethod.valueOf(input.method()))
                .setReference(input.reference() == null ? "" : input.reference()).build()).getInvoice();
    }

    private BillingServiceBlockingStub stub(GraphQLContext context) {
        return services.billing(Caller.of(context));
    }

    private static List<InvoiceStatus> statuses(List<String> statuses) {
        return statuses == null ? List.of() : statuses.stream().map(InvoiceStatus::valueOf).toList();
    }
}
