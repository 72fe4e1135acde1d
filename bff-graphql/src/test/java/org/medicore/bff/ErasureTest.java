package org.medicore.bff;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.WholeSystemTest;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient's erasure on request through the BFF, against the real patient-service and Keycloak with
 * the realm's tokens: the patient asks and reads where it stands, the admin lists, declines with a
 * reason or approves, and the admin who recorded a request is told another administrator must decide.
 */
class ErasureTest extends WholeSystemTest {

    private static final String FIELDS = "id patientId state requestedByRole requestedBy reason requestedAt decidedBy "
            + "decidedAt declineReason erasedAt";
    private static final String REQUEST = "mutation($r: String) { requestErasure(reason: $r) { " + FIELDS + " } }";
    private static final String READ = "query($id: ID!) { erasureRequest(id: $id) { " + FIELDS + " } }";
    private static final String APPROVE = "mutation($id: ID!) { approveErasureRequest(id: $id) { " + FIELDS + " } }";
    private static final String DECLINE = "mutation($id: ID!, $r: String!) { declineErasureRequest(id: $id, reason: $r) { "
            + FIELDS + " } }";

    @Test
    void a_patient_asks_for_their_erasure_and_reads_why_the_admin_declined_it() {
        SignedInPatient patient = aPatientWithAnAccount("Greta");

        Map<String, Object> asked = withToken(patient.token()).document(REQUEST).variable("r", null).execute()
                .path("requestErasure").entity(Map.class).get();
        assertThat(asked).containsEntry("patientId", patient.patientId()).containsEntry("state", "PENDING")
                .containsEntry("requestedByRole", "PATIENT").containsEntry("reason", null).containsEntry("decidedAt", null);
        String id = (String) asked.get("id");
        // a repeat (say, after a lost answer) answers with the pending request
        withToken(patient.token()).document(REQUEST).variable("r", "again").execute()
                .path("requestErasure.id").entity(String.class).isEqualTo(id);
        assertThat(pendingIds()).contains(id);
        refused(as("patient").document(READ).variable("id", id).execute(), error ->
                assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN").containsEntry("code", "PERMISSION_DENIED"));

        refused(as("admin").document(DECLINE).variable("id", id).variable("r", "").execute(), error ->
                assertThat(error.getExtensions().get("violations")).asString().contains("field=reason"));
        Map<String, Object> declined = as("admin").document(DECLINE).variable("id", id)
                .variable("r", "the clinic must keep the records of an open treatment").execute()
                .path("declineErasureRequest").entity(Map.class).get();

        assertThat(declined).containsEntry("state", "DECLINED").containsEntry("erasedAt", null);
        assertThat(declined.get("decidedBy")).isNotNull();
        withToken(patient.token()).document(READ).variable("id", id).execute()
                .path("erasureRequest.state").entity(String.class).isEqualTo("DECLINED")
                .path("erasureRequest.declineReason").entity(String.class)
                .isEqualTo("the clinic must keep the records of an open treatment");
        assertThat(pendingIds()).doesNotContain(id);
        refused(as("admin").document(APPROVE).variable("id", id).execute(), error -> {
            assertThat(error.getExtensions()).containsEntry("classification", "CONFLICT");
            assertThat(error.getExtensions().get("reasons")).isEqualTo(List.of("ALREADY_DECLINED"));
        });
    }

    @Test
    void an_approved_request_erases_the_patient_and_their_login() {
        SignedInPatient patient = aPatientWithAnAccount("Hanne");
        String id = withToken(patient.token()).document(REQUEST).variable("r", "I am moving abroad").execute()
                .path("requestErasure.id").entity(String.class).get();

        Map<String, Object> erased = as("admin").document(APPROVE).variable("id", id).execute()
                .path("approveErasureRequest").entity(Map.class).get();

        assertThat(erased).containsEntry("state", "DONE").containsEntry("reason", "I am moving abroad");
        assertThat(erased.get("erasedAt")).isNotNull();
        assertThat(SYSTEM.keycloak().requestToken(Map.of("grant_type", "password", "client_id", "medicore-local-dev",
                "username", patient.email(), "password", "correct horse battery")).statusCode()).isEqualTo(401);
        withToken(patient.token()).document("{ me { patient { id } } }").execute().path("me.patient").valueIsNull();
        refused(as("admin").document(APPROVE).variable("id", id).execute(), error -> {
            assertThat(error.getExtensions()).containsEntry("code", "FAILED_PRECONDITION");
            assertThat(error.getExtensions().get("reasons")).isEqualTo(List.of("ALREADY_ERASED"));
        });
    }

    @Test
    void the_admin_who_recorded_a_request_is_told_another_administrator_must_decide_it() {
        SignedInPatient patient = aPatientWithAnAccount("Ida");
        refused(as("admin").document("mutation($p: ID!, $r: String!) { requestErasureFor(patientId: $p, reason: $r) { id } }")
                .variable("p", patient.patientId()).variable("r", "").execute(), error ->
                assertThat(error.getExtensions().get("violations")).asString().contains("field=reason"));
        Map<String, Object> recorded = as("admin")
                .document("mutation($p: ID!, $r: String!) { requestErasureFor(patientId: $p, reason: $r) { " + FIELDS + " } }")
                .variable("p", patient.patientId()).variable("r", "asked by letter of 2026-12-01").execute()
                .path("requestErasureFor").entity(Map.class).get();
        assertThat(recorded).containsEntry("state", "PENDING").containsEntry("requestedByRole", "ADMIN");
        String id = (String) recorded.get("id");

        Consumer<ResponseError> fourEyes = error -> {
            assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")
                    .containsEntry("code", "PERMISSION_DENIED").containsEntry("reason", "FOUR_EYES");
            assertThat(error.getMessage()).contains("another administrator must decide");
        };
        refused(as("admin").document(APPROVE).variable("id", id).execute(), fourEyes);
        refused(as("admin").document(DECLINE).variable("id", id).variable("r", "no").execute(), fourEyes);

        withToken(patient.token()).document(READ).variable("id", id).execute()
                .path("erasureRequest.state").entity(String.class).isEqualTo("PENDING")
                .path("erasureRequest.reason").entity(String.class).isEqualTo("asked by letter of 2026-12-01");
    }

    @Test
    void only_patients_ask_for_themselves_and_only_admins_list_and_decide() {
        refused(as("admin").document(REQUEST).variable("r", null).execute(), error ->
                assertThat(error.getExtensions()).containsEntry("code", "PERMISSION_DENIED"));
        refused(as("patient").document("{ pendingErasureRequests { edges { node { id } } } }").execute(), error ->
                assertThat(error.getExtensions()).containsEntry("code", "PERMISSION_DENIED"));
        refused(as("doctor").document(APPROVE).variable("id", "00000000-0000-4000-8000-000000000027").execute(), error ->
                assertThat(error.getExtensions()).containsEntry("code", "PERMISSION_DENIED").doesNotContainKey("reason"));
        refused(as("admin").document(READ).variable("id", "not-an-id").execute(), error ->
                assertThat(error.getExtensions().get("violations")).asString().contains("field=id"));
        refused(as("admin").document(APPROVE).variable("id", "00000000-0000-4000-8000-000000000027").execute(), error ->
                assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND"));
        refused(as("admin").document("{ pendingErasureRequests(first: 101) { edges { node { id } } } }").execute(), error ->
                assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT"));
    }

    private static void refused(GraphQlTester.Response response, Consumer<ResponseError> expected) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(expected::accept));
    }

    /** Every pending request's id, oldest first, page by page as the admin's screen reads them. */
    private List<String> pendingIds() {
        List<String> ids = new java.util.ArrayList<>();
        String after = null;
        List<String> requestedAt = new java.util.ArrayList<>();
        do {
            var page = as("admin").document("query($after: String) { pendingErasureRequests(first: 100, after: $after) { "
                    + "edges { node { id requestedAt } } pageInfo { hasNextPage endCursor } } }").variable("after", after).execute();
            ids.addAll(page.path("pendingErasureRequests.edges[*].node.id").entityList(String.class).get());
            requestedAt.addAll(page.path("pendingErasureRequests.edges[*].node.requestedAt").entityList(String.class).get());
            after = page.path("pendingErasureRequests.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("pendingErasureRequests.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(requestedAt.stream().map(java.time.Instant::parse).toList()).as("oldest first").isSorted();
        return ids;
    }
}
