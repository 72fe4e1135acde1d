package org.medicore.bench;

import io.grpc.Status;
import org.medicore.contracts.events.v1.AppointmentCancelled;
import org.medicore.contracts.events.v1.AppointmentRescheduled;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.Topics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The invariants of a fault scenario, read from the stores themselves after the load has
 * drained: appointment-service's PostgreSQL (appointments, their cancellations and moves, the
 * outbox) and the appointments topic.
 */
final class FaultChecks {

    /** Each event type in both versions: rows written before medicore.events.v2 may still be in the outbox. */
    private static final List<String> CANCELLED_EVENT = List.of(AppointmentCancelled.getDescriptor().getFullName(),
            org.medicore.contracts.events.v2.AppointmentCancelled.getDescriptor().getFullName());
    private static final List<String> RESCHEDULED_EVENT = List.of(AppointmentRescheduled.getDescriptor().getFullName(),
            org.medicore.contracts.events.v2.AppointmentRescheduled.getDescriptor().getFullName());

    /** One invariant's verdict, with the figures that back it. */
    record Verdict(String invariant, boolean holds, String detail) {
    }

    private final String practitionerId;
    private final String patientId;

    /** The run's practitioner, and the patient the workload books for (the clinic's own set-up bookings are another's). */
    FaultChecks(String practitionerId, String patientId) {
        this.practitionerId = practitionerId;
        this.patientId = patientId;
    }

    List<Verdict> check(List<BookingWorkload.Booking> bookings, List<BookingWorkload.Change> changes,
                        List<BookingWorkload.Registration> registrations, Map<Status.Code, String> refusalsSeen)
            throws SQLException {
        List<Verdict> verdicts = new ArrayList<>();
        Set<String> acknowledged = new HashSet<>();
        bookings.forEach(booking -> booking.appointmentId().ifPresent(acknowledged::add));
        long gaveUp = bookings.stream().filter(booking -> booking.appointmentId().isEmpty()).count();
        try (Connection db = appointmentsDatabase()) {
            Set<String> stored = ids(db, "select id from appointment where practitioner_id = ? and patient_id = ?");
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            Set<String> unasked = new HashSet<>(stored);
            unasked.removeAll(acknowledged);
            verdicts.add(new Verdict("every acknowledged booking stored once", missing.isEmpty() && unasked.isEmpty() && gaveUp == 0,
                    "%d acknowledged, %d stored, %d missing, %d stored but never acknowledged, %d given up"
                            .formatted(acknowledged.size(), stored.size(), missing.size(), unasked.size(), gaveUp)));
            long overlaps = count(db, """
                    select count(*) from appointment a join appointment b
                      on a.practitioner_id = b.practitioner_id and a.id < b.id and a.period && b.period
                     where a.practitioner_id = ? and a.status <> 'CANCELLED' and b.status <> 'CANCELLED'""");
            verdicts.add(new Verdict("no slot held twice", overlaps == 0, overlaps + " overlapping pairs"));
            verdicts.addAll(checkChanges(db, bookings, changes));
            long unsent = outboxBacklog(db);
            verdicts.add(new Verdict("outbox drained", unsent == 0, unsent + " events not yet published"));
            Map<String, String> committed = committedEvents(db, stored);
            Map<String, Integer> published = publishedEvents(stored);
            long lost = committed.keySet().stream().filter(id -> !published.containsKey(id)).count();
            long phantom = published.keySet().stream().filter(id -> !committed.containsKey(id)).count();
            long doubled = published.values().stream().filter(times -> times > 1).count();
            // Publication is at least once by design (OutboxRelay): a batch the broker took only in part is sent
            // again, and consumers deduplicate by event id. So a repeat is counted and shown, a loss fails.
            verdicts.add(new Verdict("every committed change published, nothing else", lost == 0 && phantom == 0,
                    "%d committed, %d published, %d lost, %d without a commit, %d published more than once"
                            .formatted(committed.size(), published.size(), lost, phantom, doubled)));
        }
        Map<Status.Code, Integer> failures = new LinkedHashMap<>();
        bookings.forEach(booking -> booking.failures().forEach((code, times) -> failures.merge(code, times, Integer::sum)));
        changes.forEach(change -> change.failures().forEach((code, times) -> failures.merge(code, times, Integer::sum)));
        registrations.forEach(registration -> registration.failures()
                .forEach((code, times) -> failures.merge(code, times, Integer::sum)));
        Map<Status.Code, Integer> refused = new LinkedHashMap<>(failures);
        refused.keySet().removeAll(CarefulClient.RETRYABLE);
        verdicts.add(new Verdict("every error retryable", refused.isEmpty(),
                "failures seen by clients: " + (failures.isEmpty() ? "none" : failures)
                        + (refusalsSeen.isEmpty() ? "" : "; the first of each refusal: " + refusalsSeen)));
        return verdicts;
    }

    /**
     * The cancellations and moves: each acknowledged one stored and no other, each with exactly one committed event,
     * and every slot it freed booked again.
     */
    private List<Verdict> checkChanges(Connection db, List<BookingWorkload.Booking> bookings, List<BookingWorkload.Change> changes)
            throws SQLException {
        Map<String, StoredAppointment> stored = storedAppointments(db);
        Map<String, Instant> moves = new HashMap<>();
        Set<String> cancellations = new HashSet<>();
        changes.stream().filter(BookingWorkload.Change::acknowledged).forEach(change -> {
            switch (change.kind()) {
                case CANCELLATION -> cancellations.add(change.appointmentId());
                case MOVE -> moves.put(change.appointmentId(), change.newStart().orElseThrow());
            }
        });
        long gaveUp = changes.stream().filter(change -> !change.acknowledged()).count();
        long missing = cancellations.stream().filter(id -> !stored.containsKey(id) || !stored.get(id).cancelled()).count()
                + moves.entrySet().stream().filter(move -> !stored.containsKey(move.getKey())
                || !stored.get(move.getKey()).start().equals(move.getValue())).count();
        long unasked = stored.entrySet().stream()
                .filter(appointment -> appointment.getValue().cancelled() && !cancellations.contains(appointment.getKey())).count();
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(new Verdict("every acknowledged cancellation and move stored, nothing else",
                missing == 0 && unasked == 0 && gaveUp == 0,
                "%d cancellations and %d moves acknowledged, %d not stored, %d cancelled but never acknowledged, %d given up"
                        .formatted(cancellations.size(), moves.size(), missing, unasked, gaveUp)));
        Map<String, Integer> cancelledEvents = eventsPerAppointment(db, CANCELLED_EVENT, stored.keySet());
        Map<String, Integer> movedEvents = eventsPerAppointment(db, RESCHEDULED_EVENT, stored.keySet());
        long wrongEvents = stored.keySet().stream().filter(id ->
                cancelledEvents.getOrDefault(id, 0) != (cancellations.contains(id) ? 1 : 0)
                        || movedEvents.getOrDefault(id, 0) != (moves.containsKey(id) ? 1 : 0)).count();
        long freed = cancellations.size() + moves.size();
        long bookedAgain = bookings.stream()
                .filter(booking -> booking.freedSlot() && booking.appointmentId().isPresent()).count();
        verdicts.add(new Verdict("each cancellation or move frees its slot once", wrongEvents == 0 && bookedAgain == freed,
                "%d appointments with a missing or repeated cancellation or move event, %d of %d freed slots booked again"
                        .formatted(wrongEvents, bookedAgain, freed)));
        return verdicts;
    }

    private record StoredAppointment(boolean cancelled, Instant start) {
    }

    private Map<String, StoredAppointment> storedAppointments(Connection db) throws SQLException {
        Map<String, StoredAppointment> stored = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement(
                "select id, status, lower(period) from appointment where practitioner_id = ? and patient_id = ?")) {
            statement.setObject(1, UUID.fromString(practitionerId));
            statement.setString(2, patientId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), new StoredAppointment(rows.getString(2).equals("CANCELLED"),
                            rows.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return stored;
    }

    /** Appointment id -> how many committed events of {@code types} it has in the outbox. */
    private static Map<String, Integer> eventsPerAppointment(Connection db, List<String> types, Set<String> appointments)
            throws SQLException {
        Map<String, Integer> events = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement(
                "select aggregate_id, count(*) from outbox_event where event_type = any (?) and aggregate_id = any (?) group by aggregate_id")) {
            statement.setArray(1, db.createArrayOf("text", types.toArray()));
            statement.setArray(2, db.createArrayOf("uuid", appointments.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return events;
    }

    /** How many events of appointment-service wait in its outbox right now. */
    static long outboxBacklog() throws SQLException {
        try (Connection db = appointmentsDatabase()) {
            return outboxBacklog(db);
        }
    }

    private static long outboxBacklog(Connection db) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery("select count(*) from outbox_event where sent_at is null")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits until both outboxes (appointments, patients) are empty or {@code within} has passed; answers when they emptied, if they did. */
    static Optional<Instant> awaitOutboxDrained(Duration within) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (outboxBacklog() == 0 && PatientChecks.outboxBacklog() == 0) {
                return Optional.of(Instant.now());
            }
            Thread.sleep(250);
        }
        return Optional.empty();
    }

    private static Connection appointmentsDatabase() throws SQLException {
        return DriverManager.getConnection(TestStack.postgres().jdbcUrl("appointments"), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    private Set<String> ids(Connection db, String sql) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(practitionerId));
            statement.setString(2, patientId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(practitionerId));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Event id -> type of every outbox row of these appointments: the changes that committed. */
    private static Map<String, String> committedEvents(Connection db, Set<String> appointments) throws SQLException {
        Map<String, String> events = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement(
                "select event_id, event_type from outbox_event where aggregate_id = any (?)")) {
            statement.setArray(1, db.createArrayOf("uuid", appointments.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return events;
    }

    /** Event id -> how often it is on the appointments topic, for records keyed by these appointments. */
    private static Map<String, Integer> publishedEvents(Set<String> appointments) {
        Map<String, Integer> published = new HashMap<>();
        TopicHistory.readAll(Topics.APPOINTMENTS, record -> TopicHistory.header(record, "event-id")
                .filter(eventId -> appointments.contains(record.key()))
                .ifPresent(eventId -> published.merge(eventId, 1, Integer::sum)));
        return published;
    }
}
