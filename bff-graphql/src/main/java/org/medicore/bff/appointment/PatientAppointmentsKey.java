package org.medicore.bff.appointment;

/** What {@code Patient.appointments(filter, first)} asks for one patient; the loader batches keys alike. */
record PatientAppointmentsKey(String patientId, String filter, int first) {
}
