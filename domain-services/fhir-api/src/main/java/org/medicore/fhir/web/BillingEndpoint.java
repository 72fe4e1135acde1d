package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Invoice;
import org.medicore.contracts.billing.v1.GetBillingAccountRequest;
import org.medicore.contracts.billing.v1.GetInvoiceRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientResponse;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.resource.AccountResources;
import org.medicore.fhir.resource.InvoiceResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A patient's billing account and invoices from billing-service, which lets a patient see their own
 * and billing staff and admins everyone's (a doctor none: 403). billing-service finds an account by
 * its patient only, so Account is searched by patient, not read by id.
 */
@RestController
@RequestMapping(value = FhirPaths.BASE, produces = {"application/fhir+json", "application/json"})
class BillingEndpoint {

    static final Set<String> SEARCH_PARAMETERS = Set.of("patient", "subject");

    private final ClinicRecords records;

    BillingEndpoint(ClinicRecords records) {
        this.records = records;
    }

    @GetMapping("/Account")
    Bundle accounts(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        SearchPage.refuseUnknown(parameters, SEARCH_PARAMETERS, Set.of());
        GetBillingAccountRequest request = GetBillingAccountRequest.newBuilder().setPatientId(PatientParameter.required(parameters)).build();
        return SearchPage.searchset(List.of(AccountResources.of(records.billingAccount(CallerOf.token(token), request).getAccount())));
    }

    @GetMapping("/Invoice/{id}")
    Invoice invoice(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return InvoiceResources.of(records.invoice(CallerOf.token(token), GetInvoiceRequest.newBuilder().setInvoiceId(id).build()).getInvoice());
    }

    @GetMapping("/Invoice")
    Bundle invoices(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> parameters) {
        Caller caller = CallerOf.token(token);
        ListInvoicesByPatientRequest request = ListInvoicesByPatientRequest.newBuilder().setPage(SearchPage.of(parameters, SEARCH_PARAMETERS))
                .setPatientId(PatientParameter.required(parameters)).build();
        ListInvoicesByPatientResponse found = records.invoicesOf(caller, request);
        return SearchPage.bundle(found.getInvoicesList().stream().map(InvoiceResources::of).toList(), found.getPageInfo());
    }
}
