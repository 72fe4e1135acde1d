package org.medicore.notification.adapter.out.jooq;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jooq.DSLContext;
import org.medicore.notification.application.port.in.RecordNotificationEvents;
import org.medicore.notification.application.port.in.RecordNotificationEvents.EventRef;
import org.medicore.notification.application.port.in.RecordNotificationEvents.IncomingEvent;
import org.medicore.notification.application.port.in.RecordNotificationEvents.Recorded;
import org.medicore.notification.application.service.EventIntakeService;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.ChannelConsent;
import org.medicore.notification.domain.ClaimedNotification;
import org.medicore.notification.domain.MaskedAddress;
import org.medicore.notification.domain.Money;
import org.medicore.notification.domain.NotificationPlanner;
import org.medicore.notification.domain.ReminderSchedule;
import org.medicore.notification.support.MovableClock;
import org.medicore.notification.support.PatientRecords;
import org.medicore.support.erasure.StoredValueSearch;
import org.medicore.support.transaction.SpringTransactions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.APPOINTMENT_CALENDAR;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT_HISTORY;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.ERASED_PATIENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.RECIPIENT;

/**
 * The erasure among a patient's other events in any order, with deliveries (sent, or failed with the
 * address in the reason) in between and redeliveries of earlier events: the intake with this package's
 * adapters on the test stack's real PostgreSQL, patient-service's contact port faked. Whatever the order:
 * nothing is planned, kept or sent for the patient after the erasure, and no address of theirs remains.
 */
class ErasureOrderProperties {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DSLContext DB = MigratedDatabase.DB;
    private static final SpringTransactions TRANSACTIONS = MigratedDatabase.TRANSACTIONS;
    private static final JooqNotifications NOTIFICATIONS = new JooqNotifications(DB);
    private static final JooqRecipients RECIPIENTS = new JooqRecipients(DB);
    private static final PatientRecords RECORDS = new PatientRecords();
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private static final EventIntakeService INTAKE = new EventIntakeService(new EventIntakeService.Ports(TRANSACTIONS,
            new JooqProcessedEvents(DB), RECIPIENTS, RECIPIENTS, new JooqCalendars(DB), NOTIFICATIONS, RECORDS, RECIPIENTS,
            new JooqErasures(DB)), new NotificationPlanner(new ReminderSchedule(List.of(Duration.ofHours(24),
            Duration.ofHours(2)))), BERLIN, CLOCK);

    /** What happens to the patient, one step at a time. */
    enum Step {
        REGISTERED, CONTACT_CHANGED, BOOKED, MOVED, CANCELLED, BOOKED_ANOTHER, RESULTS_READY, INVOICE_ISSUED,
        /** an event seen before comes again (a redelivery, or a replay from the dead letters) */
        EARLIER_EVENT_AGAIN,
        /** the delivery round sends every due message */
        DELIVERED,
        /** the delivery round gives up on every due message, the provider's answer echoing the address */
        DELIVERY_FAILED,
        /** patient-service's PatientErased */
        ERASED
    }

    @Provide
    Arbitrary<List<Step>> lives() {
        return Combinators.combine(Arbitraries.of(Step.class).filter(step -> step != Step.ERASED).list().ofMaxSize(12),
                        Arbitraries.integers().between(0, 12))
                .as((steps, erasureAt) -> {
                    List<Step> life = new ArrayList<>(steps);
                    life.add(Math.min(erasureAt, life.size()), Step.ERASED);
                    return life;
                });
    }

    @Property(tries = 50)
    void after_the_erasure_nothing_is_planned_kept_or_sent_and_no_address_remains(@ForAll("lives") List<Step> life) {
        UUID patient = UUID.randomUUID();
        String email = "erika.musterfrau." + patient + "@example.org";
        String phone = "+4930" + (Math.floorMod(patient.getLeastSignificantBits(), 90_000_000L) + 10_000_000L);
        RECORDS.record(patient, email, phone);
        TRANSACTIONS.inTransaction(() -> {
            RECIPIENTS.saveConsent(patient, ChannelConsent.given(Channel.EMAIL, CLOCK.instant(), ChannelConsent.Source.PATIENT));
            return null;
        });
        UUID appointment = UUID.randomUUID();
        Instant visit = CLOCK.instant().plus(Duration.ofDays(3));
        List<IncomingEvent> seen = new ArrayList<>();
        Optional<Instant> erasedAt = Optional.empty();

        for (Step step : life) {
            CLOCK.advance(Duration.ofMinutes(10));
            if (step == Step.DELIVERED || step == Step.DELIVERY_FAILED) {
                deliver(step, email);
                continue;
            }
            if (step == Step.EARLIER_EVENT_AGAIN && seen.isEmpty()) {
                continue;
            }
            IncomingEvent event = step == Step.EARLIER_EVENT_AGAIN ? seen.get(seen.size() / 2)
                    : event(step, patient, appointment, visit);
            Recorded recorded = INTAKE.record(event);
            seen.add(event);
            if (step == Step.ERASED) {
                erasedAt = Optional.of(CLOCK.instant());
            } else if (erasedAt.isPresent()) {
                assertThat(recorded).isIn(Recorded.PATIENT_ERASED, Recorded.ALREADY_RECORDED);
            }
        }
        CLOCK.advance(Duration.ofDays(30));
        deliver(Step.DELIVERED, email);

        Instant erased = erasedAt.orElseThrow();
        assertThat(DB.fetchValue(ERASED_PATIENT.ERASED_AT, ERASED_PATIENT.PATIENT_ID.eq(patient)).toInstant()).isEqualTo(erased);
        assertThat(DB.fetchCount(RECIPIENT, RECIPIENT.PATIENT_ID.eq(patient))).isZero();
        assertThat(DB.fetchCount(CHANNEL_CONSENT, CHANNEL_CONSENT.PATIENT_ID.eq(patient))).isZero();
        assertThat(DB.fetchCount(CHANNEL_CONSENT_HISTORY, CHANNEL_CONSENT_HISTORY.PATIENT_ID.eq(patient))).isZero();
        assertThat(DB.fetchCount(APPOINTMENT_CALENDAR, APPOINTMENT_CALENDAR.PATIENT_ID.eq(patient))).isZero();
        DB.selectFrom(NOTIFICATION).where(NOTIFICATION.PATIENT_ID.eq(patient)).forEach(message -> {
            assertThat(message.getStatus()).isNotEqualTo("PENDING");
            assertThat(message.getSentTo()).isNull();
            assertThat(message.getCreatedAt().toInstant()).isBeforeOrEqualTo(erased);
            if (message.getSentAt() != null) {
                assertThat(message.getSentAt().toInstant()).isBefore(erased);
            }
        });
        TRANSACTIONS.inTransaction(() -> {
            for (String personal : List.of(email, phone, "musterfrau." + patient)) {
                assertThat(DB.<List<String>>connectionResult(connection -> StoredValueSearch.placesHolding(connection, personal))).as(personal).isEmpty();
            }
            return null;
        });
    }

    /** One delivery round over everything due, as DeliveryService records it. */
    private static void deliver(Step outcome, String email) {
        TRANSACTIONS.inTransaction(() -> {
            Instant now = CLOCK.instant();
            for (ClaimedNotification claimed : NOTIFICATIONS.claimDue(now, 1_000)) {
                MaskedAddress to = MaskedAddress.of(Channel.EMAIL, email);
                if (outcome == Step.DELIVERED) {
                    NOTIFICATIONS.recordSent(claimed.notification().id(), to, "<" + claimed.notification().id() + ">", now);
                } else {
                    NOTIFICATIONS.recordFailure(claimed.notification().id(), Optional.of(to), claimed.attemptsMade() + 1,
                            "550 5.1.1 <" + email + ">: mailbox unavailable", now);
                }
            }
            return null;
        });
    }

    private static IncomingEvent event(Step step, UUID patient, UUID appointment, Instant visit) {
        return switch (step) {
            case REGISTERED -> new RecordNotificationEvents.PatientRegistered(ref("PatientRegistered"), patient);
            case CONTACT_CHANGED -> new RecordNotificationEvents.PatientContactChanged(ref("PatientContactChanged"), patient);
            case BOOKED -> new RecordNotificationEvents.AppointmentBooked(ref("AppointmentBooked"), appointment, patient,
                    "practitioner-1", visit, visit.plus(Duration.ofMinutes(30)));
            case MOVED -> new RecordNotificationEvents.AppointmentRescheduled(ref("AppointmentRescheduled"), appointment,
                    patient, "practitioner-1", visit.plus(Duration.ofDays(1)), visit.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)));
            case CANCELLED -> new RecordNotificationEvents.AppointmentCancelled(ref("AppointmentCancelled"), appointment,
                    patient, "practitioner-1", visit, visit.plus(Duration.ofMinutes(30)));
            case BOOKED_ANOTHER -> new RecordNotificationEvents.AppointmentBooked(ref("AppointmentBooked"), UUID.randomUUID(),
                    patient, "practitioner-1", visit.plus(Duration.ofDays(7)), visit.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(30)));
            case RESULTS_READY -> new RecordNotificationEvents.ResultsReady(ref("LabReportProcessed"), UUID.randomUUID(), patient);
            case INVOICE_ISSUED -> new RecordNotificationEvents.InvoiceIssued(ref("InvoiceIssued"), patient, "2026-000042",
                    Money.of(12_050, "EUR"), LocalDate.of(2027, 1, 1));
            case ERASED -> new RecordNotificationEvents.PatientErased(ref("PatientErased"), patient, CLOCK.instant());
            case EARLIER_EVENT_AGAIN, DELIVERED, DELIVERY_FAILED -> throw new IllegalArgumentException(step + " is no event");
        };
    }

    private static EventRef ref(String type) {
        return new EventRef(UUID.randomUUID(), "medicore.events.v1." + type);
    }
}
