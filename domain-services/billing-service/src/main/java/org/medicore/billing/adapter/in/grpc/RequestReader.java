package org.medicore.billing.adapter.in.grpc;

import com.google.protobuf.Message;
import org.medicore.billing.domain.AppointmentFee;
import org.medicore.billing.domain.AppointmentType;
import org.medicore.billing.domain.InvoiceStatus;
import org.medicore.billing.domain.Money;
import org.medicore.billing.domain.PaymentMethod;
import org.medicore.support.grpc.RequestFields;

import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Proto to domain for one billing request: what billing_service.proto's rules refuse (ids, a
 * payment's amount and method, page sizes), the shared fields as every service reads them, plus
 * money, invoice statuses and fees, each malformed one collected as a violation.
 */
final class RequestReader extends RequestFields {

    RequestReader(Message request) {
        super(request);
    }

    /** A currency the JDK knows as ISO 4217: more than the contract's letters can say, so read here. */
    Money money(org.medicore.contracts.common.v1.Money money, String field) {
        try {
            return new Money(money.getAmountMinor(), Currency.getInstance(money.getCurrency()));
        } catch (IllegalArgumentException e) {
            refuse(field + ".currency", "must be an ISO 4217 code");
            return null;
        }
    }

    /** The method paid with; null for none or an unknown one, which the contract's rule refuses. */
    static PaymentMethod method(org.medicore.contracts.billing.v1.PaymentMethod method) {
        return switch (method) {
            case CASH -> PaymentMethod.CASH;
            case CARD -> PaymentMethod.CARD;
            case BANK_TRANSFER -> PaymentMethod.BANK_TRANSFER;
            case INSURANCE -> PaymentMethod.INSURANCE;
            case PAYMENT_METHOD_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    Set<InvoiceStatus> statuses(List<org.medicore.contracts.billing.v1.InvoiceStatus> statuses) {
        Set<InvoiceStatus> wanted = EnumSet.noneOf(InvoiceStatus.class);
        for (var status : statuses) {
            switch (status) {
                case ISSUED -> wanted.add(InvoiceStatus.ISSUED);
                case PARTIALLY_PAID -> wanted.add(InvoiceStatus.PARTIALLY_PAID);
                case PAID -> wanted.add(InvoiceStatus.PAID);
                case VOID -> wanted.add(InvoiceStatus.VOID);
                case INVOICE_STATUS_UNSPECIFIED, UNRECOGNIZED -> refuse("statuses", "must name a status");
            }
        }
        return wanted;
    }

    List<AppointmentFee> fees(List<org.medicore.contracts.billing.v1.AppointmentFee> fees) {
        List<AppointmentFee> read = new ArrayList<>();
        for (int i = 0; i < fees.size(); i++) {
            var fee = fees.get(i);
            String path = "fees[%d]".formatted(i);
            AppointmentType type = switch (fee.getAppointmentType()) {
                case CONSULTATION -> AppointmentType.CONSULTATION;
                case FOLLOW_UP -> AppointmentType.FOLLOW_UP;
                case LAB_VISIT -> AppointmentType.LAB_VISIT;
                case APPOINTMENT_TYPE_UNSPECIFIED, UNRECOGNIZED -> {
                    refuse(path + ".appointment_type", "is required");
                    yield null;
                }
            };
            Money price = money(fee.getFee(), path + ".fee");
            Money late = money(fee.getLateCancellationFee(), path + ".late_cancellation_fee");
            Money noShow = money(fee.getNoShowFee(), path + ".no_show_fee");
            if (type != null && price != null && late != null && noShow != null) {
                read.add(new AppointmentFee(type, price, late, noShow));
            }
        }
        return read;
    }
}
