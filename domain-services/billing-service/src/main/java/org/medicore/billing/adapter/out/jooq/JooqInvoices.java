package org.medicore.billing.adapter.out.jooq;

import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.Collection;
import org.jooq.impl.DSL;
import org.jooq.Table;
import org.jooq.Field;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.medicore.billing.adapter.out.jooq.generated.tables.records.InvoiceLineItemRecord;
import org.medicore.billing.adapter.out.jooq.generated.tables.records.InvoiceRecord;
import org.medicore.billing.adapter.out.jooq.generated.tables.records.PaymentRecord;
import org.medicore.billing.application.port.out.IdempotencyKeys;
import org.medicore.billing.application.port.out.LoadInvoices;
import org.medicore.billing.application.port.out.NextInvoiceNumber;
import org.medicore.billing.application.port.out.SaveInvoices;
import org.medicore.billing.domain.Actor;
import org.medicore.billing.domain.AppointmentRef;
import org.medicore.billing.domain.ChargeReason;
import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.InvoiceNumber;
import org.medicore.billing.domain.InvoiceStatus;
import org.medicore.billing.domain.LineItem;
import org.medicore.billing.domain.Money;
import org.medicore.billing.domain.Payment;
import org.medicore.billing.domain.PaymentMethod;
import org.medicore.billing.domain.Role;
import org.medicore.billing.domain.TaxRate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.medicore.support.postgres.TimestampColumns.column;
import static org.medicore.support.postgres.TimestampColumns.value;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.INVOICE;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.INVOICE_LINE_ITEM;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.INVOICE_NUMBER_COUNTER;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.PAYMENT;

/** Invoices with their line items and payments, the idempotency keys and the number counter. */
final class JooqInvoices implements LoadInvoices, SaveInvoices, IdempotencyKeys, NextInvoiceNumber {

    private final DSLContext db;

    JooqInvoices(DSLContext db) {
        this.db = db;
    }

    /**
     * Increments the year's counter row, which stays locked until the transaction ends: numbers
     * are handed out one transaction at a time and a rollback gives the number back.
     */
    @Override
    public InvoiceNumber next(int year) {
        int sequence = db.insertInto(INVOICE_NUMBER_COUNTER)
                .set(INVOICE_NUMBER_COUNTER.YEAR, year)
                .set(INVOICE_NUMBER_COUNTER.LAST_VALUE, 1)
                .onConflict(INVOICE_NUMBER_COUNTER.YEAR).doUpdate()
                .set(INVOICE_NUMBER_COUNTER.LAST_VALUE, INVOICE_NUMBER_COUNTER.LAST_VALUE.plus(1))
                .returning(INVOICE_NUMBER_COUNTER.LAST_VALUE)
                .fetchSingle(INVOICE_NUMBER_COUNTER.LAST_VALUE);
        return new InvoiceNumber(year, sequence);
    }

    @Override
    public Optional<Invoice> invoice(UUID invoiceId) {
        return db.selectFrom(INVOICE).where(INVOICE.ID.eq(invoiceId)).fetchOptional().map(this::withDetails);
    }

    @Override
    public Optional<Invoice> invoiceForChange(UUID invoiceId) {
        return db.selectFrom(INVOICE).where(INVOICE.ID.eq(invoiceId)).forUpdate().fetchOptional()
                .map(this::withDetails);
    }

    @Override
    public List<Invoice> invoicesOf(UUID patientId) {
        return withDetails(db.selectFrom(INVOICE).where(INVOICE.PATIENT_ID.eq(patientId))
                .orderBy(INVOICE.ISSUED_AT.desc(), INVOICE.ID.desc()).fetch());
    }

    @Override
    public List<Invoice> invoicesOf(UUID patientId, Set<InvoiceStatus> statuses, int offset, int limit) {
        return withDetails(db.selectFrom(INVOICE).where(ofPatient(patientId, statuses))
                .orderBy(INVOICE.ISSUED_AT.desc(), INVOICE.ID.desc()).offset(offset).limit(limit).fetch());
    }

    @Override
    public long countInvoicesOf(UUID patientId, Set<InvoiceStatus> statuses) {
        return db.fetchCount(INVOICE, ofPatient(patientId, statuses));
    }

    @Override
    public List<Invoice> invoicesDue(Optional<LocalDate> dueBefore, int offset, int limit) {
        return withDetails(db.selectFrom(INVOICE).where(due(dueBefore))
                .orderBy(INVOICE.DUE_DATE, INVOICE.ISSUED_AT, INVOICE.ID).offset(offset).limit(limit).fetch());
    }

    @Override
    public long countInvoicesDue(Optional<LocalDate> dueBefore) {
        return db.fetchCount(INVOICE, due(dueBefore));
    }

    private static Condition due(Optional<LocalDate> dueBefore) {
        Condition open = INVOICE.STATUS.in(InvoiceStatus.ISSUED.name(), InvoiceStatus.PARTIALLY_PAID.name());
        return dueBefore.map(day -> open.and(INVOICE.DUE_DATE.lt(day))).orElse(open);
    }

    /** Ranks each patient's invoices with row_number() so the work stays one query however many patients. */
    @Override
    public Map<UUID, List<Invoice>> newestOfPatients(Collection<UUID> patientIds, Set<InvoiceStatus> statuses, int limit) {
        Condition matching = INVOICE.PATIENT_ID.in(patientIds);
        if (!statuses.isEmpty()) {
            matching = matching.and(INVOICE.STATUS.in(statuses.stream().map(Enum::name).toList()));
        }
        Field<Integer> position = DSL.rowNumber().over(DSL.partitionBy(INVOICE.PATIENT_ID)
                .orderBy(INVOICE.ISSUED_AT.desc(), INVOICE.ID.desc())).as("position");
        Table<?> ranked = db.select(INVOICE.ID, position).from(INVOICE).where(matching).asTable("ranked");
        Map<UUID, Integer> positions = db.select(ranked.field(INVOICE.ID), ranked.field(position)).from(ranked)
                .where(ranked.field(position).le(limit))
                .fetchMap(row -> row.value1(), row -> row.value2());
        if (positions.isEmpty()) {
            return Map.of();
        }
        return withDetails(db.selectFrom(INVOICE).where(INVOICE.ID.in(positions.keySet())).fetch()).stream()
                .sorted(Comparator.comparing(invoice -> positions.get(invoice.id())))
                .collect(Collectors.groupingBy(Invoice::patientId, LinkedHashMap::new, Collectors.toList()));
    }

    @Override
    public List<Invoice> invoicesOfAppointments(Collection<UUID> appointmentIds) {
        List<InvoiceRecord> rows = db.selectFrom(INVOICE).where(INVOICE.APPOINTMENT_ID.in(appointmentIds))
                .orderBy(INVOICE.ISSUED_AT.desc(), INVOICE.ID.desc()).fetch();
        return rows.isEmpty() ? List.of() : withDetails(rows);
    }

    private Condition ofPatient(UUID patientId, Set<InvoiceStatus> statuses) {
        Condition ofPatient = INVOICE.PATIENT_ID.eq(patientId);
        return statuses.isEmpty() ? ofPatient
                : ofPatient.and(INVOICE.STATUS.in(statuses.stream().map(Enum::name).toList()));
    }

    @Override
    public boolean isCharged(UUID appointmentId, ChargeReason reason) {
        return db.fetchExists(INVOICE, INVOICE.APPOINTMENT_ID.eq(appointmentId)
                .and(INVOICE.CHARGE_REASON.eq(reason.name())));
    }

    @Override
    public Optional<Remembered> paymentFor(String idempotencyKey) {
        return db.select(PAYMENT.ID, PAYMENT.INVOICE_ID, PAYMENT.REQUEST_FINGERPRINT).from(PAYMENT)
                .where(PAYMENT.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchOptional(row -> new Remembered(row.value1(), row.value2(), row.value3()));
    }

    @Override
    public void insert(Invoice invoice) {
        db.insertInto(INVOICE)
                .set(INVOICE.ID, invoice.id())
                .set(INVOICE.NUMBER, invoice.number().toString())
                .set(INVOICE.PATIENT_ID, invoice.patientId())
                .set(INVOICE.APPOINTMENT_ID, invoice.appointment().appointmentId())
                .set(INVOICE.CHARGE_REASON, invoice.reason().name())
                .set(INVOICE.STATUS, invoice.status().name())
                .set(INVOICE.CURRENCY, invoice.currency().getCurrencyCode())
                .set(INVOICE.SUBTOTAL_MINOR, invoice.subtotal().amountMinor())
                .set(INVOICE.TAX_MINOR, invoice.tax().amountMinor())
                .set(INVOICE.TAX_RATE_BASIS_POINTS, invoice.taxRate().basisPoints())
                .set(INVOICE.ISSUED_AT, column(invoice.issuedAt()))
                .set(INVOICE.DUE_DATE, invoice.dueDate())
                .set(INVOICE.PRACTITIONER_ID, invoice.appointment().practitionerId())
                .set(INVOICE.DEPARTMENT, invoice.appointment().department())
                .set(INVOICE.CLINIC_ID, invoice.appointment().clinicId())
                .set(INVOICE.APPOINTMENT_START, column(invoice.appointment().start()))
                .set(INVOICE.VERSION, invoice.version())
                .execute();
        var lines = db.insertInto(INVOICE_LINE_ITEM, INVOICE_LINE_ITEM.INVOICE_ID, INVOICE_LINE_ITEM.POSITION,
                INVOICE_LINE_ITEM.DESCRIPTION, INVOICE_LINE_ITEM.QUANTITY, INVOICE_LINE_ITEM.UNIT_PRICE_MINOR);
        for (int position = 0; position < invoice.lineItems().size(); position++) {
            LineItem line = invoice.lineItems().get(position);
            lines = lines.values(invoice.id(), position, line.description(), line.quantity(),
                    line.unitPrice().amountMinor());
        }
        lines.execute();
    }

    @Override
    public void update(Invoice invoice) {
        db.update(INVOICE)
                .set(INVOICE.STATUS, invoice.status().name())
                .set(INVOICE.VOIDED_AT, column(invoice.voiding().map(Invoice.Voiding::voidedAt).orElse(null)))
                .set(INVOICE.VOID_REASON, invoice.voiding().map(Invoice.Voiding::reason).orElse(null))
                .set(INVOICE.VERSION, invoice.version())
                .where(INVOICE.ID.eq(invoice.id()))
                .execute();
    }

    @Override
    public void addPayment(Payment payment, Key key) {
        db.insertInto(PAYMENT)
                .set(PAYMENT.ID, payment.id())
                .set(PAYMENT.INVOICE_ID, payment.invoiceId())
                .set(PAYMENT.AMOUNT_MINOR, payment.amount().amountMinor())
                .set(PAYMENT.METHOD, payment.method().name())
                .set(PAYMENT.REFERENCE, payment.reference())
                .set(PAYMENT.RECEIVED_AT, column(payment.receivedAt()))
                .set(PAYMENT.RECORDED_AT, column(payment.recordedAt()))
                .set(PAYMENT.RECORDED_BY_SUBJECT, payment.recordedBy().subject())
                .set(PAYMENT.RECORDED_BY_ROLE, payment.recordedBy().role().name())
                .set(PAYMENT.IDEMPOTENCY_KEY, key.value())
                .set(PAYMENT.REQUEST_FINGERPRINT, key.requestFingerprint())
                .execute();
    }

    private Invoice withDetails(InvoiceRecord row) {
        return withDetails(List.of(row)).getFirst();
    }

    private List<Invoice> withDetails(List<InvoiceRecord> rows) {
        Set<UUID> ids = rows.stream().map(InvoiceRecord::getId).collect(Collectors.toSet());
        Map<UUID, String> currencies = rows.stream()
                .collect(Collectors.toMap(InvoiceRecord::getId, InvoiceRecord::getCurrency));
        Map<UUID, List<LineItem>> lines = db.selectFrom(INVOICE_LINE_ITEM).where(INVOICE_LINE_ITEM.INVOICE_ID.in(ids))
                .orderBy(INVOICE_LINE_ITEM.POSITION).fetch().stream()
                .collect(Collectors.groupingBy(InvoiceLineItemRecord::getInvoiceId, Collectors.mapping(
                        line -> new LineItem(line.getDescription(), line.getQuantity(),
                                Money.of(line.getUnitPriceMinor(), currencies.get(line.getInvoiceId()))),
                        Collectors.toList())));
        Map<UUID, List<Payment>> payments = db.selectFrom(PAYMENT).where(PAYMENT.INVOICE_ID.in(ids))
                .orderBy(PAYMENT.RECORDED_AT, PAYMENT.ID).fetch().stream()
                .collect(Collectors.groupingBy(PaymentRecord::getInvoiceId, Collectors.mapping(
                        payment -> payment(payment, currencies.get(payment.getInvoiceId())), Collectors.toList())));
        return rows.stream().map(row -> invoice(row, lines.get(row.getId()),
                payments.getOrDefault(row.getId(), List.of()))).toList();
    }

    private static Payment payment(PaymentRecord row, String currency) {
        return new Payment(row.getId(), row.getInvoiceId(), Money.of(row.getAmountMinor(), currency),
                PaymentMethod.valueOf(row.getMethod()), row.getReference(), value(row.getReceivedAt()),
                new Actor(row.getRecordedBySubject(), Role.valueOf(row.getRecordedByRole())),
                value(row.getRecordedAt()));
    }

    private static Invoice invoice(InvoiceRecord row, List<LineItem> lines, List<Payment> payments) {
        Optional<Invoice.Voiding> voiding = Optional.ofNullable(row.getVoidedAt())
                .map(voidedAt -> new Invoice.Voiding(value(voidedAt), row.getVoidReason()));
        return new Invoice(row.getId(), InvoiceNumber.parse(row.getNumber()), row.getPatientId(),
                new AppointmentRef(row.getAppointmentId(), row.getPractitionerId(), row.getDepartment(),
                        row.getClinicId(), value(row.getAppointmentStart())),
                ChargeReason.valueOf(row.getChargeReason()), InvoiceStatus.valueOf(row.getStatus()), lines,
                new TaxRate(row.getTaxRateBasisPoints()), value(row.getIssuedAt()), row.getDueDate(), payments,
                voiding, row.getVersion());
    }
}
