package org.medicore.billing.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.medicore.billing.domain.AccountStatement;
import org.medicore.billing.domain.Actor;
import org.medicore.billing.domain.AppointmentFee;
import org.medicore.billing.domain.FeeSchedule;
import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.LineItem;
import org.medicore.billing.domain.Money;
import org.medicore.billing.domain.Payment;
import org.medicore.contracts.billing.v1.BillingAccount;
import org.medicore.contracts.billing.v1.ChargeReason;
import org.medicore.contracts.billing.v1.InvoiceLineItem;
import org.medicore.contracts.billing.v1.InvoiceStatus;
import org.medicore.contracts.billing.v1.PaymentMethod;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.Role;

import java.time.Instant;
import java.time.LocalDate;

/** Domain to proto for the billing API: the one place its responses are built. */
final class BillingProtoMapper {

    private BillingProtoMapper() {
    }

    static BillingAccount account(AccountStatement statement) {
        return BillingAccount.newBuilder()
                .setId(statement.account().id().toString())
                .setPatientId(statement.account().patientId().toString())
                .setBalanceDue(money(statement.balanceDue()))
                .setTotalInvoiced(money(statement.totalInvoiced()))
                .setTotalPaid(money(statement.totalPaid()))
                .setOpenInvoiceCount(statement.openInvoiceCount())
                .setCreatedAt(timestamp(statement.account().openedAt()))
                .setUpdatedAt(timestamp(statement.account().updatedAt()))
                .build();
    }

    static org.medicore.contracts.billing.v1.FeeSchedule feeSchedule(FeeSchedule schedule) {
        var proto = org.medicore.contracts.billing.v1.FeeSchedule.newBuilder()
                .setTaxRateBasisPoints(schedule.taxRate().basisPoints())
                .setVersion(schedule.version())
                .setUpdatedAt(timestamp(schedule.updatedAt()))
                .setUpdatedBy(actor(schedule.updatedBy()));
        for (AppointmentFee fee : schedule.feesInOrder()) {
            proto.addFees(org.medicore.contracts.billing.v1.AppointmentFee.newBuilder()
                    .setAppointmentType(AppointmentType.valueOf(fee.type().name()))
                    .setFee(money(fee.fee()))
                    .setLateCancellationFee(money(fee.lateCancellationFee()))
                    .setNoShowFee(money(fee.noShowFee())));
        }
        return proto.build();
    }

    static org.medicore.contracts.billing.v1.Invoice invoice(Invoice invoice) {
        var proto = org.medicore.contracts.billing.v1.Invoice.newBuilder()
                .setId(invoice.id().toString())
                .setNumber(invoice.number().toString())
                .setPatientId(invoice.patientId().toString())
                .setAppointmentId(invoice.appointment().appointmentId().toString())
                .setChargeReason(ChargeReason.valueOf(invoice.reason().name()))
                .setStatus(InvoiceStatus.valueOf(invoice.status().name()))
                .setSubtotal(money(invoice.subtotal()))
                .setTax(money(invoice.tax()))
                .setTotal(money(invoice.total()))
                .setAmountPaid(money(invoice.amountPaid()))
                .setBalanceDue(money(invoice.balanceDue()))
                .setTaxRateBasisPoints(invoice.taxRate().basisPoints())
                .setIssuedAt(timestamp(invoice.issuedAt()))
                .setDueDate(date(invoice.dueDate()))
                .setVersion(invoice.version());
        for (LineItem line : invoice.lineItems()) {
            proto.addLineItems(InvoiceLineItem.newBuilder().setDescription(line.description())
                    .setQuantity(line.quantity()).setUnitPrice(money(line.unitPrice())).setTotal(money(line.total())));
        }
        invoice.payments().forEach(payment -> proto.addPayments(payment(payment)));
        invoice.voiding().ifPresent(voiding -> proto.setVoidedAt(timestamp(voiding.voidedAt()))
                .setVoidReason(voiding.reason()));
        return proto.build();
    }

    static org.medicore.contracts.billing.v1.Payment payment(Payment payment) {
        return org.medicore.contracts.billing.v1.Payment.newBuilder()
                .setId(payment.id().toString())
                .setInvoiceId(payment.invoiceId().toString())
                .setAmount(money(payment.amount()))
                .setMethod(PaymentMethod.valueOf(payment.method().name()))
                .setReference(payment.reference())
                .setReceivedAt(timestamp(payment.receivedAt()))
                .setRecordedBy(actor(payment.recordedBy()))
                .build();
    }

    private static org.medicore.contracts.common.v1.Actor actor(Actor actor) {
        return org.medicore.contracts.common.v1.Actor.newBuilder()
                .setSubject(actor.subject()).setRole(Role.valueOf(actor.role().name())).build();
    }

    static org.medicore.contracts.common.v1.Money money(Money money) {
        return org.medicore.contracts.common.v1.Money.newBuilder()
                .setAmountMinor(money.amountMinor()).setCurrency(money.currency().getCurrencyCode()).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }
}
