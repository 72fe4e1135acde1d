package org.medicore.billing;

import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medicore.billing.application.port.in.ApplyBillingEvents;
import org.medicore.billing.application.port.in.ViewBilling;
import org.medicore.billing.domain.AppointmentRef;
import org.medicore.billing.domain.AppointmentType;
import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.Charge;
import org.medicore.billing.domain.ChargeReason;
import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.Role;
import org.medicore.billing.support.RunningBillingService;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.localstack.pact.GrpcProviderCalls;
import org.medicore.localstack.pact.VerifiesPacts;
import org.medicore.support.port.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The BFF's pact with billing-service, verified against the real endpoint on the real
 * PostgreSQL: an invoice is issued the way the events issue it, through the service's own
 * use cases, for a patient and a visit of its own.
 */
@Provider("billing-service")
@Consumer("bff-graphql")
@PactFolder("${medicore.pacts}")
class BffPactVerificationTest extends RunningBillingService implements VerifiesPacts {

    private static final String BILLING_STAFF = "pact-billing-staff";
    private static final Caller STAFF = new Caller(BILLING_STAFF, Set.of(Role.BILLING));

    @LocalGrpcServerPort
    int port;
    @Autowired
    private ApplyBillingEvents events;
    @Autowired
    private ViewBilling billing;
    private ManagedChannel channel;
    private GrpcProviderCalls calls;

    @BeforeEach
    void prepareCalls() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        calls = new GrpcProviderCalls(channel, BillingServiceGrpc.getServiceDescriptor());
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    /** The schedule the service starts with is the clinic's until billing staff change it. */
    @State("the clinic's fee schedule")
    void theClinicsFeeSchedule() {
    }

    @State("an issued invoice for a completed visit")
    Map<String, Object> anIssuedInvoice() {
        UUID patient = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        events.openAccount(new ApplyBillingEvents.PatientRegistration(UUID.randomUUID(),
                "medicore.events.v1.PatientRegistered", patient, Instant.now()));
        events.charge(new ApplyBillingEvents.ChargeEvent(UUID.randomUUID(), "medicore.events.v1.AppointmentCompleted",
                new Charge(patient, new AppointmentRef(appointment, "practitioner-1", "cardiology", "clinic-1",
                        Instant.now()), AppointmentType.CONSULTATION, ChargeReason.VISIT)));
        Invoice invoice = ((Outcome.Done<List<Invoice>>) billing.invoicesOfAppointments(STAFF, List.of(appointment)))
                .value().getFirst();
        return Map.of("invoiceId", invoice.id().toString(), "patientId", patient.toString(),
                "appointmentId", appointment.toString());
    }

    @PactVerifyProvider("GetFeeSchedule")
    MessageAndMetadata getFeeSchedule(MessageContents request) {
        return calls.answer(request, BILLING_STAFF);
    }

    @PactVerifyProvider("GetInvoice")
    MessageAndMetadata getInvoice(MessageContents request) {
        return calls.answer(request, BILLING_STAFF);
    }

    @PactVerifyProvider("ListInvoicesByPatient")
    MessageAndMetadata listInvoicesByPatient(MessageContents request) {
        return calls.answer(request, BILLING_STAFF);
    }

    @PactVerifyProvider("ListInvoicesDue")
    MessageAndMetadata listInvoicesDue(MessageContents request) {
        return calls.answer(request, BILLING_STAFF);
    }

    @PactVerifyProvider("BatchListInvoicesByPatients")
    MessageAndMetadata batchListInvoicesByPatients(MessageContents request) {
        return calls.answer(request, BILLING_STAFF);
    }

    @PactVerifyProvider("BatchGetInvoicesByAppointments")
    MessageAndMetadata batchGetInvoicesByAppointments(MessageContents request) {
        return calls.answer(request, BILLING_STAFF);
    }

    @PactVerifyProvider("RecordPayment")
    MessageAndMetadata recordPayment(MessageContents request) {
        return calls.answer(request, BILLING_STAFF);
    }
}
