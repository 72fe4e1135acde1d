package org.medicore.bff;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.medicore.bff.support.WholeSystemTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail through the BFF: a doctor's look at a patient's record is recorded by
 * patient-service, the patient sees it in their access log, the admin finds it and checks the chain.
 */
class AuditTrailTest extends WholeSystemTest {

    private static final String ACCESS_LOG = """
            { me { patient { id accessLog(first: 100) { edges { node { subject roles operation action outcome
                patientIds forwardedFor } } } } } }""";

    @Test
    void the_patient_sees_who_looked_at_their_record_and_the_admin_finds_it_in_a_chain_that_holds() {
        String patientId = as("patient").document("{ me { patient { id } } }").execute()
                .path("me.patient.id").entity(String.class).get();
        String doctor = as("doctor").document("{ me { subject } }").execute().path("me.subject").entity(String.class).get();
        as("doctor").document("{ patient(id: \"%s\") { name { family } } }".formatted(patientId)).execute()
                .path("patient.name.family").hasValue();

        List<Map<String, Object>> log = as("patient").document(ACCESS_LOG).execute()
                .path("me.patient.accessLog.edges[*].node").entityList(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        assertThat(log).anySatisfy(access -> {
            assertThat(access).containsEntry("subject", "DOCTOR").containsEntry("operation", "GetPatient")
                    .containsEntry("action", "READ").containsEntry("outcome", "ALLOWED")
                    .containsEntry("patientIds", List.of(patientId)).containsEntry("forwardedFor", null);
            assertThat(access.get("roles")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("DOCTOR");
        });
        assertThat(log).noneSatisfy(access -> assertThat(access).containsEntry("subject", doctor));

        as("admin").document("""
                        { auditTrail(filter: {subject: "%s", patientId: "%s"}, first: 1) {
                            edges { node { operation resourceType forwardedFor approvedBy } } pageInfo { hasNextPage endCursor } } }"""
                        .formatted(doctor, patientId)).execute()
                .path("auditTrail.edges[0].node.resourceType").entity(String.class).isEqualTo("Patient")
                .path("auditTrail.edges[0].node.forwardedFor").entity(String.class).isEqualTo("127.0.0.1")
                .path("auditTrail.edges[0].node.approvedBy").valueIsNull();
        as("admin").document("{ auditChain { intact records firstBrokenPosition } }").execute()
                .path("auditChain.intact").entity(Boolean.class).isEqualTo(true)
                .path("auditChain.firstBrokenPosition").valueIsNull();
    }

    @Test
    void only_admins_read_the_trail_and_only_the_patient_and_admins_an_access_log() {
        as("doctor").document("{ auditTrail { edges { node { subject } } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(error.getPath()).isEqualTo("auditTrail");
                }));
        String patientId = as("patient").document("{ me { patient { id } } }").execute()
                .path("me.patient.id").entity(String.class).get();
        as("doctor").document("{ patient(id: \"%s\") { accessLog { totalCount } } }".formatted(patientId)).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(error.getPath()).isEqualTo("patient.accessLog");
                }));
        as("admin").document("{ auditTrail(after: \"not-a-cursor\") { totalCount } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
    }

    @Test
    void a_bound_beyond_any_date_a_record_can_have_selects_as_the_limit_would() {
        String trail = "query($f: AuditFilter) { auditTrail(filter: $f, first: 1) { edges { node { subject } } } }";
        as("admin").document(trail).variable("f", Map.of("from", "+999999999-12-31T23:59:59Z")).execute()
                .path("auditTrail.edges").entityList(Object.class).hasSize(0);
        as("admin").document(trail).variable("f", Map.of("from", "-999999999-01-01T00:00:00Z", "to", "+999999999-12-31T23:59:59Z"))
                .execute().path("auditTrail.edges").entityList(Object.class).hasSize(1);
        as("admin").document(trail).variable("f", Map.of("patientId", "\u0000")).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
    }
}
