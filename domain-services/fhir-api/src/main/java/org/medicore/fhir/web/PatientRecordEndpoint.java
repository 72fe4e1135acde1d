package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientResponse;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.ListLabResultsResponse;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.AppointmentResources;
import org.medicore.fhir.resource.HistoryResources;
import org.medicore.fhir.resource.LabResultObservations;
import org.medicore.fhir.resource.PatientResources;
import org.medicore.fhir.resource.PractitionerResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Patient/{id}/$everything}: the patient's whole record in one searchset Bundle: the patient,
 * their conditions, allergies and medications, lab results, appointments and the practitioners of
 * those. Every page of each list is read, with the caller's token, so the services decide who may
 * have it (the patient themself, their doctors, admins) and audit each read.
 */
@RestController
class PatientRecordEndpoint {

    private static final int PAGE = 100;

    private final ClinicRecords records;

    PatientRecordEndpoint(ClinicRecords records) {
        this.records = records;
    }

    @GetMapping(value = FhirPaths.BASE + "/Patient/{id}/$everything", produces = {"application/fhir+json", "application/json"})
    Bundle everything(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        Caller caller = CallerOf.token(token);
        List<Resource> record = new ArrayList<>();
        record.add(PatientResources.of(records.patient(caller, GetPatientRequest.newBuilder().setPatientId(id).build()).getPatient()));
        record.addAll(history(caller, id));
        record.addAll(labResults(caller, id));
        List<Appointment> appointments = appointments(caller, id);
        appointments.stream().map(AppointmentResources::of).forEach(record::add);
        record.addAll(practitioners(caller, appointments));
        Bundle bundle = SearchPage.searchset(record).setTotal(record.size());
        bundle.addLink().setRelation("self").setUrl(SearchPage.currentSearch().build().encode().toUriString());
        return bundle;
    }

    private List<Resource> history(Caller caller, String patientId) {
        List<Resource> found = new ArrayList<>();
        String token = "";
        do {
            ListHistoryResponse page = records.history(caller, ListHistoryRequest.newBuilder().setPatientId(patientId)
                    .setPage(page(token)).build());
            page.getEntriesList().stream().map(HistoryResources::of).flatMap(Optional::stream).forEach(found::add);
            token = page.getPageInfo().getNextPageToken();
        } while (!token.isEmpty());
        return found;
    }

    private List<Resource> labResults(Caller caller, String patientId) {
        List<Resource> found = new ArrayList<>();
        String token = "";
        do {
            ListLabResultsResponse page = records.labResults(caller, ListLabResultsRequest.newBuilder().setPatientId(patientId)
                    .setPage(page(token)).build());
            page.getResultsList().stream().map(LabResultObservations::of).forEach(found::add);
            token = page.getPageInfo().getNextPageToken();
        } while (!token.isEmpty());
        return found;
    }

    private List<Appointment> appointments(Caller caller, String patientId) {
        List<Appointment> found = new ArrayList<>();
        String token = "";
        do {
            ListAppointmentsByPatientResponse page = records.appointmentsOf(caller, ListAppointmentsByPatientRequest.newBuilder()
                    .setPatientId(patientId).setTimeFilter(AppointmentTimeFilter.ALL).setPage(page(token)).build());
            found.addAll(page.getAppointmentsList());
            token = page.getPageInfo().getNextPageToken();
        } while (!token.isEmpty());
        return found;
    }

    /** The practitioners the appointments are with, 100 per call (the service's limit). */
    private List<Resource> practitioners(Caller caller, List<Appointment> appointments) {
        Set<String> ids = new LinkedHashSet<>();
        appointments.forEach(appointment -> ids.add(appointment.getPractitionerId()));
        List<String> all = List.copyOf(ids);
        List<Resource> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PAGE) {
            records.practitioners(caller, BatchGetPractitionersRequest.newBuilder()
                            .addAllPractitionerIds(all.subList(from, Math.min(all.size(), from + PAGE))).build())
                    .getPractitionersList().stream().map(PractitionerResources::of).forEach(found::add);
        }
        return found;
    }

    private static PageRequest page(String token) {
        return PageRequest.newBuilder().setPageSize(PAGE).setPageToken(token).build();
    }
}
