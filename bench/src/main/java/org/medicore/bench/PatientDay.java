package org.medicore.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A patient's own visit to the portal, as one operation: a new access token for the client's session
 * (the refresh-token grant the portal makes when it opens again),
 * {@code me} with their record, the free slots of a practitioner's day, booking one of them and the
 * list of their upcoming appointments, each as the portal sends it through the BFF. The patient is
 * the realm's demo patient, who keeps the bookings of earlier runs: the visits book with a
 * practitioner of their own from a day picked at random within the booking horizon, and a slot the
 * patient already holds from an earlier run is passed over for the next, as a person would.
 */
final class PatientDay {

    private static final String ME = "query Me { me { subject roles patient { id name { given family } } } }";
    private static final String SLOTS = """
            query Slots($practitionerId: ID!, $day: Date!) {
              availableSlots(practitionerId: $practitionerId, from: $day, to: $day, appointmentType: LAB_VISIT) { start end }
            }""";
    private static final String BOOK = """
            mutation Book($input: BookAppointmentInput!) { bookAppointment(input: $input) { id status start } }""";
    private static final String UPCOMING = """
            query Upcoming($patientId: ID!) {
              appointments(patientId: $patientId, filter: UPCOMING, first: 5) { edges { node { id start status } } }
            }""";

    private final Clinic clinic;
    private final GraphQl graphQl;
    private final String practitioner;
    private final FreeSlots slots = new FreeSlots(LocalDate.now(ZoneOffset.UTC).plusDays(ThreadLocalRandom.current().nextInt(30, 330)));
    private final Map<Integer, Tokens.Session> sessions = new ConcurrentHashMap<>();

    PatientDay(Clinic clinic, GraphQl graphQl) {
        this.clinic = clinic;
        this.graphQl = graphQl;
        this.practitioner = clinic.newPractitioner("Visits " + UUID.randomUUID().toString().substring(0, 8));
    }

    void visit(int client) throws Exception {
        String token = session(client).renew();
        String patientId = graphQl.executeWith(token, ME, Map.of()).path("me").path("patient").path("id").asString();
        if (patientId.isEmpty()) {
            throw new IllegalStateException("the demo patient has no record (start the stack with its demo data)");
        }
        // Each visit books the next slot no other visit of this run took, so concurrent visits never collide; the
        // day's slot list is still read first, as the portal does.
        Instant start = slots.next();
        LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
        JsonNode free = graphQl.executeWith(token, SLOTS, Map.of("practitionerId", practitioner, "day", day.toString()))
                .path("availableSlots");
        if (free.isEmpty()) {
            throw new IllegalStateException("no free slot on " + day);
        }
        while (!booked(token, patientId, start)) {
            start = slots.next();
        }
        graphQl.executeWith(token, UPCOMING, Map.of("patientId", patientId));
    }

    /**
     * The client's session, signed in once. Sign-ins are made one at a time: the realm's brute-force
     * protection takes one account signing in from several places within a second for an attack.
     */
    private Tokens.Session session(int client) {
        synchronized (sessions) {
            return sessions.computeIfAbsent(client, c -> clinic.tokens.signIn("patient"));
        }
    }

    /** Whether the slot is booked now; false when the patient already holds that time from an earlier run. */
    private boolean booked(String token, String patientId, Instant start) throws Exception {
        try {
            graphQl.executeWith(token, BOOK, Map.of("input", Map.of("patientId", patientId, "practitionerId", practitioner,
                    "start", start.toString(), "appointmentType", "LAB_VISIT", "idempotencyKey", UUID.randomUUID().toString())));
            return true;
        } catch (IOException refused) {
            if (refused.getMessage().contains("PATIENT_DOUBLE_BOOKED")) {
                return false;
            }
            throw refused;
        }
    }

}
