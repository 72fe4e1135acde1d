package org.medicore.billing.application.service;

import org.medicore.billing.application.port.in.ApplyBillingEvents;
import org.medicore.support.port.AppendToOutbox;
import org.medicore.billing.application.port.out.FormatEvent;
import org.medicore.billing.application.port.out.LoadAccounts;
import org.medicore.billing.application.port.out.LoadFeeSchedule;
import org.medicore.billing.application.port.out.LoadInvoices;
import org.medicore.billing.application.port.out.NextInvoiceNumber;
import org.medicore.billing.application.port.out.ParkCharges;
import org.medicore.billing.application.port.out.RecordProcessedEvents;
import org.medicore.billing.application.port.out.SaveAccounts;
import org.medicore.billing.application.port.out.SaveInvoices;
import org.medicore.support.port.Transactions;
import org.medicore.billing.domain.BillingAccount;
import org.medicore.billing.domain.Charge;
import org.medicore.billing.domain.FeeSchedule;
import org.medicore.billing.domain.Invoice;
import org.medicore.billing.domain.InvoiceNumber;
import org.medicore.billing.domain.InvoiceTerms;
import org.medicore.billing.domain.LineItem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies patient and appointment events. Each runs in one transaction that first records the
 * event id, so a redelivery changes nothing; a charge for a patient without an account is parked
 * and issued in the transaction that opens the account, or dropped when the patient is erased.
 */
public final class EventIntakeService implements ApplyBillingEvents {

    public record Ports(Transactions transactions, RecordProcessedEvents processedEvents, LoadAccounts loadAccounts,
                        SaveAccounts saveAccounts, ParkCharges parkedCharges, LoadFeeSchedule feeSchedule,
                        LoadInvoices loadInvoices, SaveInvoices saveInvoices, NextInvoiceNumber invoiceNumbers,
                        FormatEvent formatEvent, AppendToOutbox outbox) {
    }

    private final Ports ports;
    private final EventJournal journal;
    private final InvoiceTerms terms;
    private final Clock clock;

    public EventIntakeService(Ports ports, InvoiceTerms terms, Clock clock) {
        this.ports = ports;
        this.journal = new EventJournal(ports.formatEvent(), ports.outbox());
        this.terms = terms;
        this.clock = clock;
    }

    @Override
    public Applied openAccount(PatientRegistration registration) {
        return ports.transactions().inTransaction(() -> {
            Instant now = clock.instant();
            if (!ports.processedEvents().recordFirstTime(registration.eventId(), registration.eventType(), now)) {
                return Applied.ALREADY_APPLIED;
            }
            ports.saveAccounts().open(BillingAccount.openFor(registration.patientId(), now));
            ports.parkedCharges().unpark(registration.patientId()).forEach(parked -> issue(parked.charge(), now));
            return Applied.APPLIED;
        });
    }

    @Override
    public Applied charge(ChargeEvent event) {
        return ports.transactions().inTransaction(() -> {
            Instant now = clock.instant();
            if (!ports.processedEvents().recordFirstTime(event.eventId(), event.eventType(), now)) {
                return Applied.ALREADY_APPLIED;
            }
            Charge charge = event.charge();
            if (ports.loadAccounts().accountOf(charge.patientId()).isEmpty()) {
                ports.parkedCharges().park(new ParkCharges.ParkedCharge(event.eventId(), now, charge), now);
                return Applied.PARKED;
            }
            issue(charge, now);
            return Applied.APPLIED;
        });
    }

    @Override
    public Applied forget(PatientErasure erasure) {
        return ports.transactions().inTransaction(() -> {
            if (!ports.processedEvents().recordFirstTime(erasure.eventId(), erasure.eventType(), clock.instant())) {
                return Applied.ALREADY_APPLIED;
            }
            // an erased patient's account never opens, so what waits for it would wait for ever
            ports.parkedCharges().unpark(erasure.patientId());
            return Applied.APPLIED;
        });
    }

    private void issue(Charge charge, Instant now) {
        if (ports.loadInvoices().isCharged(charge.appointment().appointmentId(), charge.reason())) {
            return;
        }
        FeeSchedule schedule = ports.feeSchedule().current()
                .orElseThrow(() -> new IllegalStateException("no fee schedule configured"));
        Optional<LineItem> line = schedule.lineItemFor(charge, terms);
        if (line.isEmpty()) {
            return;
        }
        InvoiceNumber number = ports.invoiceNumbers().next(terms.numberYear(now));
        Invoice.Issued issued = Invoice.issue(UUID.randomUUID(), number, charge, List.of(line.get()),
                schedule.taxRate(), terms, now);
        ports.saveInvoices().insert(issued.invoice());
        ports.saveAccounts().touch(charge.patientId(), now);
        journal.write(List.of(issued.event()));
    }
}
