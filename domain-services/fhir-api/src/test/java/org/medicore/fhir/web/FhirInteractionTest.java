package org.medicore.fhir.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each request the API serves, named as the FHIR interaction the audit trail records. */
class FhirInteractionTest {

    @ParameterizedTest(name = "{0} {1} is {2} {3} of {4}")
    @CsvSource(delimiter = ';', value = {
            "GET;    /fhir/Patient/p1;                          read;           READ;   Patient;          p1",
            "GET;    /fhir/Patient?name=Smi;                    search-type;    READ;   Patient;          ''",
            "GET;    /fhir/Observation?patient=Patient/p1;      search-type;    READ;   Observation;      p1",
            "GET;    /fhir/Appointment?actor=Patient/p1;        search-type;    READ;   Appointment;      p1",
            "GET;    /fhir/AuditEvent?entity=Patient/p1;        search-type;    READ;   AuditEvent;       p1",
            "GET;    /fhir/Patient/p1/$everything;              $everything;    READ;   Patient;          p1",
            "POST;   /fhir/Patient/$export?patient=p1&patient=Patient/p2; $export; READ; Patient;         p1 p2",
            "POST;   /fhir/$export;                             $export;        READ;   '';               ''",
            "GET;    /fhir/bulk-export/e1;                      $export status; READ;   '';               ''",
            "DELETE; /fhir/bulk-export/e1;                      $export delete; CHANGE; '';               ''",
            "POST;   /fhir/Appointment;                         create;         CHANGE; Appointment;      ''",
            "PUT;    /fhir/Appointment/a1;                      update;         CHANGE; Appointment;      ''",
            "POST;   /fhir;                                     transaction;    CHANGE; '';               ''",
            "GET;    /fhir/Binary/r1;                           read;           READ;   Binary;           ''",
            "GET;    /fhir/Patient/p1/_history/2;               vread;          READ;   Patient;          p1",
    })
    void a_request_is_named_as_its_fhir_interaction(String method, String uri, String operation, String action, String type,
                                                    String patients) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri);
        if (uri.contains("?")) {
            Arrays.stream(uri.substring(uri.indexOf('?') + 1).split("&")).map(pair -> pair.split("=", 2))
                    .forEach(pair -> request.addParameter(pair[0], pair[1]));
        }

        FhirInteraction interaction = FhirInteraction.of(request);

        assertThat(interaction.operation()).isEqualTo(operation);
        assertThat(interaction.action().name()).isEqualTo(action);
        assertThat(interaction.resourceType()).isEqualTo(type);
        assertThat(interaction.patientIds()).isEqualTo(patients.isEmpty() ? List.of() : List.of(patients.split(" ")));
    }
}
