package org.medicore.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.medicore.fhir.support.R4CoreValidator;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** The callers of the API's tests (their tokens) and what every answer must be: valid R4, or a refusal as an OperationOutcome. */
final class FhirCalls {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private FhirCalls() {
    }

    static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.tokenValue("admin-token").subject("admin-subject")
                        .claim("realm_access", Map.of("roles", List.of("ADMIN"))))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    static RequestPostProcessor alice() {
        return jwt().jwt(token -> token.tokenValue("alice-token").subject("alice-subject")
                        .claim("realm_access", Map.of("roles", List.of("PATIENT"))))
                .authorities(new SimpleGrantedAuthority("ROLE_PATIENT"));
    }

    static RequestPostProcessor doctor() {
        return jwt().jwt(token -> token.tokenValue("doctor-token").subject("doctor-subject")
                        .claim("realm_access", Map.of("roles", List.of("DOCTOR"))))
                .authorities(new SimpleGrantedAuthority("ROLE_DOCTOR"));
    }

    static <T extends IBaseResource> T valid(MvcResult answer, Class<T> type) throws Exception {
        return valid(answer, 200, type);
    }

    static <T extends IBaseResource> T valid(MvcResult answer, int status, Class<T> type) throws Exception {
        String json = answer.getResponse().getContentAsString();
        assertThat(answer.getResponse().getStatus()).as(json).isEqualTo(status);
        T resource = FHIR.newJsonParser().parseResource(type, json);
        assertNoErrors(resource.fhirType(), json);
        return resource;
    }

    static void assertRefused(MvcResult answer, int status, OperationOutcome.IssueType code, String expression) throws Exception {
        String json = answer.getResponse().getContentAsString();
        assertThat(answer.getResponse().getStatus()).as(json).isEqualTo(status);
        assertThat(answer.getResponse().getContentType()).startsWith("application/fhir+json");
        assertThat(json).doesNotContain("Exception").doesNotContain("\tat ");
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, json);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(code);
        if (expression != null) {
            assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly(expression);
        }
        assertNoErrors("OperationOutcome", json);
    }

    static void assertNoErrors(String type, String json) {
        R4CoreValidator.assertNoErrors(type, json);
    }
}
