package org.medicore.billing.adapter.in.grpc;

import org.mapstruct.AfterMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.factory.Mappers;
import org.medicore.billing.domain.AccountStatement;
import org.medicore.billing.domain.Actor;
import org.medicore.billing.domain.AppointmentFee;
import org.medicore.billing.domain.FeeSchedule;
import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.InvoiceNumber;
import org.medicore.billing.domain.LineItem;
import org.medicore.billing.domain.Money;
import org.medicore.billing.domain.Payment;
import org.medicore.contracts.billing.v1.BillingAccount;
import org.medicore.contracts.billing.v1.InvoiceLineItem;
import org.medicore.support.mapping.ProtoConversions;
import org.medicore.support.mapping.ProtoMapping;

/** Domain to proto for the billing API: the one place its responses are built. */
@Mapper(config = ProtoMapping.class)
interface BillingProtoMapper {

    BillingProtoMapper PROTOS = Mappers.getMapper(BillingProtoMapper.class);

    @Mapping(target = "id", source = "account.id")
    @Mapping(target = "patientId", source = "account.patientId")
    @Mapping(target = "createdAt", source = "account.openedAt")
    @Mapping(target = "updatedAt", source = "account.updatedAt")
    BillingAccount account(AccountStatement statement);

    @Mapping(target = "fees", ignore = true)
    @Mapping(target = "taxRateBasisPoints", source = "taxRate.basisPoints")
    org.medicore.contracts.billing.v1.FeeSchedule feeSchedule(FeeSchedule schedule);

    /** The fees in the schedule's own order (by appointment type), not the map's. */
    @AfterMapping
    default void feesInOrder(FeeSchedule schedule,
                             @MappingTarget org.medicore.contracts.billing.v1.FeeSchedule.Builder proto) {
        schedule.feesInOrder().forEach(fee -> proto.addFees(fee(fee)));
    }

    @Mapping(target = "appointmentType", source = "type")
    org.medicore.contracts.billing.v1.AppointmentFee fee(AppointmentFee fee);

    @Mapping(target = "appointmentId", source = "appointment.appointmentId")
    @Mapping(target = "chargeReason", source = "reason")
    @Mapping(target = "taxRateBasisPoints", source = "taxRate.basisPoints")
    @Mapping(target = "subtotal", expression = "java(money(invoice.subtotal()))")
    @Mapping(target = "tax", expression = "java(money(invoice.tax()))")
    @Mapping(target = "total", expression = "java(money(invoice.total()))")
    @Mapping(target = "amountPaid", expression = "java(money(invoice.amountPaid()))")
    @Mapping(target = "balanceDue", expression = "java(money(invoice.balanceDue()))")
    @Mapping(target = "voidedAt", ignore = true)
    @Mapping(target = "voidReason", ignore = true)
    org.medicore.contracts.billing.v1.Invoice invoice(Invoice invoice);

    @AfterMapping
    default void voiding(Invoice invoice, @MappingTarget org.medicore.contracts.billing.v1.Invoice.Builder proto) {
        invoice.voiding().ifPresent(voiding -> proto.setVoidedAt(ProtoConversions.timestamp(voiding.voidedAt()))
                .setVoidReason(voiding.reason()));
    }

    @Mapping(target = "total", expression = "java(money(line.total()))")
    InvoiceLineItem lineItem(LineItem line);

    org.medicore.contracts.billing.v1.Payment payment(Payment payment);

    @Mapping(target = "displayName", ignore = true)
    org.medicore.contracts.common.v1.Actor actor(Actor actor);

    org.medicore.contracts.common.v1.Money money(Money money);

    default String number(InvoiceNumber number) {
        return number.toString();
    }
}
