package org.medicore.billing;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medicore.billing.support.EventStream;
import org.medicore.billing.support.RunningBillingService;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.localstack.TestStack;
import org.medicore.support.erasure.StoredValueSearch;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.BILLING_ACCOUNT;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.INVOICE;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.PARKED_CHARGE;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.PROCESSED_EVENT;
import static org.medicore.billing.support.EventStream.completed;
import static org.medicore.billing.support.EventStream.noShow;
import static org.medicore.billing.support.EventStream.patientErased;
import static org.medicore.billing.support.EventStream.patientRegistered;

/** PatientErased from the real patients topic: invoices kept under the pseudonymous id, nothing personal, no dead letter. */
class PatientErasureTest extends RunningBillingService {

    private static final String DEAD_LETTERS = "medicore.billing.dlq.v1";
    /** What patient-service knows of the patient and erases; billing is never told any of it. */
    private static final List<String> PERSONAL_DATA = List.of("Zelda", "Quixwhistle", "zelda.quixwhistle@example.org",
            "1984-03-17", "17.03.1984");
    private static final EventStream events = new EventStream();

    @Autowired
    DSLContext db;

    @AfterAll
    static void closeStream() {
        events.close();
    }

    @Test
    void an_erased_patients_invoice_stays_under_their_id_billing_holds_nothing_personal_and_nothing_is_dead_lettered() {
        UUID patient = UUID.randomUUID();
        events.send(List.of(patientRegistered(patient), completed(patient, AppointmentType.CONSULTATION)));
        events.awaitConsumed();
        List<UUID> invoices = db.select(INVOICE.ID).from(INVOICE).where(INVOICE.PATIENT_ID.eq(patient)).fetch(INVOICE.ID);
        assertThat(invoices).hasSize(1);

        ProducerRecord<String, String> erased = patientErased(patient);
        events.send(List.of(erased, erased));
        events.awaitConsumed();

        assertThat(db.select(INVOICE.ID).from(INVOICE).where(INVOICE.PATIENT_ID.eq(patient)).fetch(INVOICE.ID))
                .isEqualTo(invoices);
        assertThat(db.fetchExists(BILLING_ACCOUNT, BILLING_ACCOUNT.PATIENT_ID.eq(patient))).isTrue();
        assertThat(db.fetchCount(PROCESSED_EVENT, PROCESSED_EVENT.EVENT_TYPE.eq("medicore.events.v1.PatientErased")
                .and(PROCESSED_EVENT.EVENT_ID.eq(UUID.fromString(header(erased, "event-id")))))).isEqualTo(1);
        for (String personal : PERSONAL_DATA) {
            assertThat(textColumnsContaining(personal)).as("text columns holding %s", personal).isEmpty();
        }
        assertThat(TestStack.kafka().recordsWithKey(DEAD_LETTERS, patient.toString(), Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void the_charges_parked_for_an_erased_patient_without_an_account_are_dropped() {
        UUID patient = UUID.randomUUID();
        events.send(List.of(noShow(patient, AppointmentType.CONSULTATION), completed(patient, AppointmentType.FOLLOW_UP)));
        events.awaitConsumed();
        assertThat(db.fetchCount(PARKED_CHARGE, PARKED_CHARGE.PATIENT_ID.eq(patient))).isEqualTo(2);

        events.send(List.of(patientErased(patient)));
        events.awaitConsumed();

        assertThat(db.fetchCount(PARKED_CHARGE, PARKED_CHARGE.PATIENT_ID.eq(patient))).isZero();
        assertThat(db.fetchCount(INVOICE, INVOICE.PATIENT_ID.eq(patient))).isZero();
        assertThat(TestStack.kafka().recordsWithKey(DEAD_LETTERS, patient.toString(), Duration.ofSeconds(3))).isEmpty();
    }

    /** "table.column" of every column of the service's schema with a value containing {@code text}. */
    private List<String> textColumnsContaining(String text) {
        return db.<List<String>>connectionResult(connection -> StoredValueSearch.placesHolding(connection, text));
    }


    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
