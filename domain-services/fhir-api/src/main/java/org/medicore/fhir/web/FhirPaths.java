package org.medicore.fhir.web;

/** Where the FHIR API is served: every resource path hangs under one base, as FHIR clients expect. */
final class FhirPaths {

    static final String BASE = "/fhir";

    private FhirPaths() {
    }
}
