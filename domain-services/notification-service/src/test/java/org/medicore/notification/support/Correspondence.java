package org.medicore.notification.support;

import org.jooq.DSLContext;
import org.medicore.notification.domain.Channel;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.CHANNEL_CONSENT;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.NOTIFICATION;
import static org.medicore.notification.adapter.out.jooq.generated.Tables.RECIPIENT;
import static org.medicore.notification.support.EventStream.booked;
import static org.medicore.notification.support.EventStream.registered;

/**
 * What the running service has written to a patient, set up through its real intake: the patient's
 * record (the faked patient-service port), then the events on the topics; each step waits until
 * the service has done its part.
 */
public final class Correspondence {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EventStream events;
    private final PatientRecords records;
    private final DSLContext db;

    public Correspondence(EventStream events, PatientRecords records, DSLContext db) {
        this.events = events;
        this.records = records;
        this.db = db;
    }

    /** A patient registered with e-mail {@code <mailbox>-<id>@example.org}, who agreed to e-mail, known to the service. */
    public UUID aRegisteredPatient(String mailbox) {
        UUID patient = UUID.randomUUID();
        consentTo(db, patient, Channel.EMAIL);
        records.record(patient, mailbox + "-" + patient + "@example.org", "+4930555099");
        events.send(registered(patient));
        await().atMost(PATIENCE).until(() -> db.fetchExists(RECIPIENT, RECIPIENT.PATIENT_ID.eq(patient)));
        return patient;
    }

    /** The patient agreed to messages on {@code channels} (on the portal's profile, a while ago). */
    public static void consentTo(DSLContext db, UUID patient, Channel... channels) {
        for (Channel channel : channels) {
            db.insertInto(CHANNEL_CONSENT)
                    .set(CHANNEL_CONSENT.PATIENT_ID, patient)
                    .set(CHANNEL_CONSENT.CHANNEL, channel.name())
                    .set(CHANNEL_CONSENT.STATE, "GIVEN")
                    .set(CHANNEL_CONSENT.SOURCE, "PATIENT")
                    .set(CHANNEL_CONSENT.CHANGED_AT, OffsetDateTime.parse("2026-01-01T00:00:00Z"))
                    .onConflictDoNothing()
                    .execute();
        }
    }

    /** The patient books a visit at {@code start}; answers the appointment once its confirmation is sent. */
    public UUID aConfirmedBooking(UUID patient, Instant start) {
        UUID appointment = UUID.randomUUID();
        events.send(booked(appointment, patient, start));
        await().atMost(PATIENCE).until(() -> db.fetchExists(NOTIFICATION, NOTIFICATION.APPOINTMENT_ID.eq(appointment)
                .and(NOTIFICATION.KIND.eq("BOOKING_CONFIRMED")).and(NOTIFICATION.STATUS.eq("SENT"))));
        return appointment;
    }
}
