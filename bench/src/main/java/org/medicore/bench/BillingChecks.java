package org.medicore.bench;

import io.grpc.Status;
import org.medicore.contracts.billing.v1.ChargeReason;
import org.medicore.contracts.events.v1.InvoiceIssued;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.Topics;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Issue 23's billing invariants, read from billing-service's PostgreSQL (invoices, payments, its outbox) and the
 * billing topic after {@link BillingWorkload} has drained: one invoice per acknowledged chargeable event (a late
 * cancellation, a completed visit), invoice numbers without gaps, one payment per idempotency key, no invoice paid twice, every invoice published, every error
 * the clients met retryable.
 */
final class BillingChecks {

    private static final String INVOICE_ISSUED = InvoiceIssued.getDescriptor().getFullName();

    private final Set<String> patientIds;

    /** The workload's patients: every invoice of theirs is for one of the workload's late cancellations or completed visits. */
    BillingChecks(Set<String> patientIds) {
        this.patientIds = patientIds;
    }

    List<FaultChecks.Verdict> check(List<BillingWorkload.ChargedVisit> visits, Map<Status.Code, String> refusalsSeen,
                                    Duration drain) throws SQLException, InterruptedException {
        List<FaultChecks.Verdict> verdicts = new ArrayList<>();
        Set<String> charged = new HashSet<>();
        visits.stream().filter(BillingWorkload.ChargedVisit::chargeable)
                .forEach(visit -> charged.add(chargeOf(visit.appointmentId().orElseThrow(), visit.charge().name())));
        long notChargeable = visits.stream().filter(visit -> !visit.chargeable()).count();
        long waitedInVain = visits.stream().filter(visit -> visit.chargeable() && visit.invoiceId().isEmpty()).count();
        try (Connection db = billingDatabase()) {
            Map<String, Integer> invoicesPerCharge = invoicesPerCharge(db);
            long missing = charged.stream().filter(charge -> !invoicesPerCharge.containsKey(charge)).count();
            long doubled = invoicesPerCharge.values().stream().filter(times -> times > 1).count();
            long unasked = invoicesPerCharge.keySet().stream().filter(charge -> !charged.contains(charge)).count();
            verdicts.add(new FaultChecks.Verdict("one invoice per acknowledged chargeable event",
                    missing == 0 && doubled == 0 && unasked == 0 && notChargeable == 0 && waitedInVain == 0,
                    "%d late cancellations and %d completed visits acknowledged, %d invoiced, %d missing, %d invoiced twice, %d invoiced but never acknowledged, %d visits neither cancelled late nor completed (given up), %d invoices billing did not answer with before the drain ended"
                            .formatted(chargeable(visits, ChargeReason.LATE_CANCELLATION), chargeable(visits, ChargeReason.VISIT),
                                    invoicesPerCharge.size(), missing, doubled, unasked, notChargeable, waitedInVain)));
            verdicts.add(numbersWithoutGaps(db));
            verdicts.addAll(payments(db, visits));
            Instant deadline = Instant.now().plus(drain);
            long unpublished;
            while ((unpublished = outboxBacklog(db)) > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            Set<String> invoices = invoiceIds(db);
            Set<String> published = publishedInvoices(invoices);
            long lost = invoices.stream().filter(id -> !published.contains(id)).count();
            verdicts.add(new FaultChecks.Verdict("billing's outbox drained, every invoice published", unpublished == 0 && lost == 0,
                    "%d events not yet published, %d of %d invoices without InvoiceIssued on %s"
                            .formatted(unpublished, lost, invoices.size(), Topics.BILLING)));
        }
        Map<Status.Code, Integer> failures = new LinkedHashMap<>();
        visits.forEach(visit -> visit.failures().forEach((code, times) -> failures.merge(code, times, Integer::sum)));
        Map<Status.Code, Integer> refused = new LinkedHashMap<>(failures);
        refused.keySet().removeAll(CarefulClient.RETRYABLE);
        verdicts.add(new FaultChecks.Verdict("every error of the billing visits retryable", refused.isEmpty(),
                "failures seen by clients: " + (failures.isEmpty() ? "none" : failures)
                        + (refusalsSeen.isEmpty() ? "" : "; the first of each refusal: " + refusalsSeen)));
        return verdicts;
    }

    private static long chargeable(List<BillingWorkload.ChargedVisit> visits, ChargeReason charge) {
        return visits.stream().filter(visit -> visit.chargeable() && visit.charge() == charge).count();
    }

    private static String chargeOf(String appointmentId, String reason) {
        return appointmentId + " " + reason;
    }

    /** Appointment id and charge reason -> how many invoices the workload's patient has for them. */
    private Map<String, Integer> invoicesPerCharge(Connection db) throws SQLException {
        Map<String, Integer> invoices = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement(
                "select appointment_id, charge_reason, count(*) from invoice where patient_id = any(?) group by appointment_id, charge_reason")) {
            statement.setArray(1, patients(db));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    invoices.put(chargeOf(rows.getString(1), rows.getString(2)), rows.getInt(3));
                }
            }
        }
        return invoices;
    }

    /** Every invoice of the database, not only the run's: numbers are handed out per year across all of them. */
    private static FaultChecks.Verdict numbersWithoutGaps(Connection db) throws SQLException {
        Map<String, List<Integer>> byYear = new TreeMap<>();
        try (ResultSet rows = db.createStatement().executeQuery("select number from invoice order by number")) {
            while (rows.next()) {
                String[] number = rows.getString(1).split("-");
                byYear.computeIfAbsent(number[0], year -> new ArrayList<>()).add(Integer.parseInt(number[1]));
            }
        }
        List<String> gaps = new ArrayList<>();
        byYear.forEach((year, numbers) -> {
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.get(i) != i + 1) {
                    gaps.add("%s: %d numbers, the %d. is %d".formatted(year, numbers.size(), i + 1, numbers.get(i)));
                    return;
                }
            }
        });
        Map<String, Integer> counts = new TreeMap<>();
        byYear.forEach((year, numbers) -> counts.put(year, numbers.size()));
        return new FaultChecks.Verdict("invoice numbers without gaps", gaps.isEmpty(),
                "numbers per year " + counts + (gaps.isEmpty() ? ", each 1..n" : "; gaps: " + gaps));
    }

    /** Each acknowledged payment stored once under its key; no invoice with more than one payment or paid over its total. */
    private List<FaultChecks.Verdict> payments(Connection db, List<BillingWorkload.ChargedVisit> visits)
            throws SQLException {
        Map<String, List<String>> storedByKey = new HashMap<>();
        Map<String, Long> paymentsPerInvoice = new HashMap<>();
        long overpaid = 0;
        try (PreparedStatement statement = db.prepareStatement("""
                select p.idempotency_key, p.id, p.invoice_id, sum(p.amount_minor) over (partition by p.invoice_id),
                       i.subtotal_minor + i.tax_minor
                  from payment p join invoice i on i.id = p.invoice_id where i.patient_id = any(?)""")) {
            statement.setArray(1, patients(db));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    storedByKey.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getString(2));
                    paymentsPerInvoice.merge(rows.getString(3), 1L, Long::sum);
                    overpaid += rows.getLong(4) > rows.getLong(5) ? 1 : 0;
                }
            }
        }
        List<BillingWorkload.ChargedVisit> invoiced = visits.stream().filter(visit -> visit.invoiceId().isPresent()).toList();
        long acknowledged = invoiced.stream().filter(BillingWorkload.ChargedVisit::paid).count();
        long gaveUp = invoiced.size() - acknowledged;
        long notStoredOnce = invoiced.stream().filter(BillingWorkload.ChargedVisit::paid).filter(visit ->
                !List.of(visit.paymentId().orElseThrow()).equals(storedByKey.get(visit.paymentKey()))).count();
        Set<String> keys = new HashSet<>();
        invoiced.forEach(visit -> keys.add(visit.paymentKey()));
        long unasked = storedByKey.keySet().stream().filter(key -> !keys.contains(key)).count();
        long paidTwice = paymentsPerInvoice.values().stream().filter(times -> times > 1).count();
        return List.of(
                new FaultChecks.Verdict("payments recorded once per idempotency key", notStoredOnce == 0 && unasked == 0 && gaveUp == 0,
                        "%d payments acknowledged, %d stored, %d not stored once under their key, %d stored under a key never sent, %d given up"
                                .formatted(acknowledged, storedByKey.values().stream().mapToInt(List::size).sum(), notStoredOnce,
                                        unasked, gaveUp)),
                new FaultChecks.Verdict("no invoice paid twice", paidTwice == 0 && overpaid == 0,
                        "%d invoices paid, %d with more than one payment, %d payments beyond the total"
                                .formatted(paymentsPerInvoice.size(), paidTwice, overpaid)));
    }

    private Set<String> invoiceIds(Connection db) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement statement = db.prepareStatement("select id from invoice where patient_id = any(?)")) {
            statement.setArray(1, patients(db));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static long outboxBacklog(Connection db) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery("select count(*) from outbox where published_at is null")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The invoices among {@code invoices} whose InvoiceIssued is on the billing topic (keyed by the invoice id). */
    private static Set<String> publishedInvoices(Set<String> invoices) {
        Set<String> published = new HashSet<>();
        TopicHistory.readAll(Topics.BILLING, record -> TopicHistory.header(record, "event-type")
                .filter(type -> type.equals(INVOICE_ISSUED) && invoices.contains(record.key()))
                .ifPresent(type -> published.add(record.key())));
        return published;
    }

    private Array patients(Connection db) throws SQLException {
        return db.createArrayOf("uuid", patientIds.stream().map(UUID::fromString).toArray());
    }

    private static Connection billingDatabase() throws SQLException {
        return DriverManager.getConnection(TestStack.postgres().jdbcUrl("billing"), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
