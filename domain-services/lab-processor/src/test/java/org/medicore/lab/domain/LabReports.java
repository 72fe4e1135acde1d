package org.medicore.lab.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Fixtures: {@code aReport().uploadedBy(aDoctor()).build()}. */
final class LabReports {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private String patientId = UUID.randomUUID().toString();
    private Caller uploader = aDoctor();

    static LabReports aReport() {
        return new LabReports();
    }

    static Caller aDoctor() {
        return new Caller(UUID.randomUUID().toString(), Set.of(Role.DOCTOR));
    }

    static Caller thePatient(String patientId) {
        return new Caller(patientId, Set.of(Role.PATIENT));
    }

    LabReports forPatient(String id) {
        this.patientId = id;
        return this;
    }

    LabReports uploadedBy(Caller caller) {
        this.uploader = caller;
        return this;
    }

    LabReport build() {
        return LabReport.awaitingUpload(patientId, "blood-panel.pdf", 2048,
                new Uploader(uploader.subject(), uploader.actingRole()), NOW);
    }
}
