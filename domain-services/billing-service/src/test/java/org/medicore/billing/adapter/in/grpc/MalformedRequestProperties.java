package org.medicore.billing.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.billing.application.port.in.RecordPayment;
import org.medicore.contracts.billing.v1.InvoiceStatus;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientResponse;
import org.medicore.contracts.billing.v1.PaymentMethod;
import org.medicore.contracts.billing.v1.RecordPaymentRequest;
import org.medicore.contracts.billing.v1.RecordPaymentResponse;
import org.medicore.contracts.common.v1.Money;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.support.grpc.Breakage;
import org.medicore.support.grpc.RefusedAnswer;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

/**
 * Whichever of a billing request's fields are malformed, whether billing_service.proto's rules or
 * the reader refuse them, the one refusal names exactly those, and no payment is recorded.
 */
class MalformedRequestProperties {

    private static final RecordPaymentRequest WELL_FORMED_PAYMENT = RecordPaymentRequest.newBuilder()
            .setIdempotencyKey(UUID.randomUUID().toString()).setInvoiceId(UUID.randomUUID().toString())
            .setAmount(Money.newBuilder().setAmountMinor(12_050).setCurrency("EUR")).setMethod(PaymentMethod.CARD).build();

    private static final ListInvoicesByPatientRequest WELL_FORMED_LISTING = ListInvoicesByPatientRequest.newBuilder()
            .setPatientId(UUID.randomUUID().toString()).addStatuses(InvoiceStatus.ISSUED)
            .setPage(PageRequest.newBuilder().setPageSize(20)).build();

    @Property(tries = 300)
    void exactly_the_malformed_fields_of_a_payment_are_named_and_none_is_recorded(
            @ForAll("paymentBreakages") List<Breakage<RecordPaymentRequest.Builder>> broken) {
        RecordPaymentRequest.Builder request = Breakage.applied(WELL_FORMED_PAYMENT.toBuilder(), broken);
        AtomicInteger recorded = new AtomicInteger();
        RecordPayment payments = (caller, command) -> {
            recorded.incrementAndGet();
            throw new AssertionError("recorded " + command);
        };
        RefusedAnswer<RecordPaymentResponse> answer = new RefusedAnswer<>();

        new BillingGrpcEndpoint(null, null, payments, null).recordPayment(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(Breakage.fields(broken));
        assertThat(recorded).hasValue(0);
    }

    @Property(tries = 200)
    void exactly_the_malformed_fields_of_a_listing_are_named_the_page_among_them(
            @ForAll("listingBreakages") List<Breakage<ListInvoicesByPatientRequest.Builder>> broken) {
        ListInvoicesByPatientRequest.Builder request = Breakage.applied(WELL_FORMED_LISTING.toBuilder(), broken);
        RefusedAnswer<ListInvoicesByPatientResponse> answer = new RefusedAnswer<>();

        new BillingGrpcEndpoint(null, null, null, null).listInvoicesByPatient(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(Breakage.fields(broken));
    }

    /** Each field broken or not, by the contract's rules or the reader's; at least one broken. */
    @Provide
    Arbitrary<List<Breakage<RecordPaymentRequest.Builder>>> paymentBreakages() {
        Arbitrary<Breakage<RecordPaymentRequest.Builder>> key = Arbitraries.strings().withChars(' ').ofMaxLength(3)
                .map(value -> new Breakage<>("idempotency_key", "blank", request -> request.setIdempotencyKey(value)));
        Arbitrary<Breakage<RecordPaymentRequest.Builder>> invoice = Breakage.notUuids()
                .map(value -> new Breakage<>("invoice_id", "'" + value + "'", request -> request.setInvoiceId(value)));
        Arbitrary<Breakage<RecordPaymentRequest.Builder>> amount = Arbitraries.oneOf(
                Arbitraries.just(new Breakage<>("amount", "absent", RecordPaymentRequest.Builder::clearAmount)),
                Arbitraries.of("", "eur", "EURO", "€", "E1R").map(currency -> new Breakage<>("amount.currency",
                        "'" + currency + "'", request -> request.setAmount(request.getAmount().toBuilder().setCurrency(currency)))));
        Arbitrary<Breakage<RecordPaymentRequest.Builder>> method = Arbitraries.of(0, 42)
                .map(value -> new Breakage<>("method", "= " + value, request -> request.setMethodValue(value)));
        Arbitrary<Breakage<RecordPaymentRequest.Builder>> receivedAt = Arbitraries.of(-62_135_596_801L, 253_402_300_800L)
                .map(seconds -> new Breakage<>("received_at", "at " + seconds + " s",
                        request -> request.setReceivedAt(Timestamp.newBuilder().setSeconds(seconds))));
        return Breakage.anyMix(key, invoice, amount, method, receivedAt);
    }

    @Provide
    Arbitrary<List<Breakage<ListInvoicesByPatientRequest.Builder>>> listingBreakages() {
        Arbitrary<Breakage<ListInvoicesByPatientRequest.Builder>> patient = Breakage.notUuids()
                .map(value -> new Breakage<>("patient_id", "'" + value + "'", request -> request.setPatientId(value)));
        Arbitrary<Breakage<ListInvoicesByPatientRequest.Builder>> statuses = Arbitraries.just(new Breakage<>("statuses",
                "unspecified", request -> request.addStatuses(InvoiceStatus.INVOICE_STATUS_UNSPECIFIED)));
        Arbitrary<Breakage<ListInvoicesByPatientRequest.Builder>> size = Arbitraries.integers().lessOrEqual(-1)
                .map(value -> new Breakage<>("page.page_size", "= " + value,
                        request -> request.setPage(request.getPage().toBuilder().setPageSize(value))));
        Arbitrary<Breakage<ListInvoicesByPatientRequest.Builder>> token = Arbitraries.of("%%", "not a token", "MTA=")
                .map(value -> new Breakage<>("page.page_token", "'" + value + "'",
                        request -> request.setPage(request.getPage().toBuilder().setPageToken(value))));
        return Breakage.anyMix(patient, statuses, size, token);
    }
}
