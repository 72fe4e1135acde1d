package org.medicore.fhir.web;

import org.junit.jupiter.api.Test;
import org.medicore.fhir.support.Clinic;
import org.medicore.fhir.support.WholeApiTest;
import org.medicore.localstack.KeycloakServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMART on FHIR with the realm's real tokens: the client scopes {@code patient/*.read},
 * {@code user/*.read} and {@code system/*.read} reach the tokens, narrow an app's token to reading,
 * and leave what it may read to the realm roles; the SMART configuration names them.
 */
class SmartScopesTest extends WholeApiTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SCOPE = Pattern.compile("\"scope\"\\s*:\\s*\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BOOKING = """
            {"resourceType": "Appointment", "status": "booked", "start": "2026-04-06T06:00:00Z",
             "participant": [{"actor": {"reference": "Patient/%s"}, "status": "accepted"},
                             {"actor": {"reference": "Practitioner/%s"}, "status": "accepted"}]}"""
            .formatted(Clinic.ALICE, Clinic.DR_NOVAK);

    @Test
    void a_patients_app_with_patient_read_reads_the_record_but_books_nothing_which_the_patient_themself_may() throws Exception {
        String app = token("patient", "openid patient/*.read");
        assertThat(scopeOf(app)).contains("patient/*.read");

        assertThat(get("/fhir/Patient/" + Clinic.ALICE, app).statusCode()).isEqualTo(200);
        HttpResponse<String> booking = post("/fhir/Appointment", app, BOOKING, Map.of());
        assertThat(booking.statusCode()).isEqualTo(403);
        assertThat(booking.body()).contains("\"resourceType\":\"OperationOutcome\"", "\"code\":\"forbidden\"");

        assertThat(post("/fhir/Appointment", token("patient", "openid"), BOOKING, Map.of()).statusCode()).isNotEqualTo(403);
    }

    @Test
    void a_clinicians_app_with_user_read_searches_but_imports_nothing() throws Exception {
        String app = token("doctor", "openid user/*.read");
        assertThat(scopeOf(app)).contains("user/*.read");

        assertThat(get("/fhir/Observation?patient=Patient/" + Clinic.ALICE, app).statusCode()).isEqualTo(200);
        assertThat(post("/fhir", app, "{\"resourceType\": \"Bundle\", \"type\": \"transaction\"}", Map.of()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_partner_system_exports_named_patients_with_system_read_but_the_clinic_only_with_the_admin_role() throws Exception {
        String partner = KEYCLOAK.partnerAccessToken();
        assertThat(scopeOf(partner)).contains("system/*.read");

        HttpResponse<String> kickOff = get("/fhir/Patient/$export?patient=Patient/" + Clinic.ALICE, partner,
                Map.of("Prefer", "respond-async"));
        assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
        assertThat(kickOff.headers().firstValue("Content-Location")).isPresent();
        // the partner's service account is a DOCTOR: the system's export is the administrators'
        assertThat(get("/fhir/$export", partner, Map.of("Prefer", "respond-async")).statusCode()).isEqualTo(403);
    }

    @Test
    void the_smart_configuration_names_the_realms_endpoints_and_its_smart_scopes() throws Exception {
        HttpResponse<String> configuration = HTTP.send(HttpRequest.newBuilder(uri("/fhir/.well-known/smart-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(configuration.statusCode()).isEqualTo(200);
        assertThat(configuration.body()).contains("\"token_endpoint\":\"" + KEYCLOAK.tokenEndpoint() + "\"",
                "\"patient/*.read\"", "\"user/*.read\"", "\"system/*.read\"", "\"permission-patient\"");
    }

    private static String token(String demoUser, String scope) {
        HttpResponse<String> answer = KEYCLOAK.requestToken(Map.of("grant_type", "password",
                "client_id", KeycloakServer.LOCAL_DEV_CLIENT, "username", demoUser, "password", demoUser + "-password", "scope", scope));
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        assertThat(token.find()).as(answer.body()).isTrue();
        return token.group(1);
    }

    private static String scopeOf(String token) {
        Matcher scope = SCOPE.matcher(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(scope.find()).isTrue();
        return scope.group(1);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return get(path, token, Map.of());
    }

    private HttpResponse<String> get(String path, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json");
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path.replace("|", "%7C"));
    }
}
