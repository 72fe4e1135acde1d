package org.medicore.bff.record;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medicore.bff.grpc.Caller;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter against an HTTP server standing in for fhir-api (fhir-api itself answers the browser
 * story's download, {@code PortalInTheBrowserTest}): the caller's token relayed, the Bundle handed on
 * as written, each refusal as the status of the same meaning, fhir-api's words kept out.
 */
class FhirApiRecordsTest {

    private static final String BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}";
    private static final Caller PATIENT = new Caller(Optional.of("the-patients-token"), Optional.of("p-1"), Set.of("PATIENT"),
            Optional.empty(), Optional.empty());

    private final AtomicReference<String> asked = new AtomicReference<>();
    private final AtomicReference<String> token = new AtomicReference<>();
    private HttpServer fhirApi;

    private FhirApiRecords answering(int status, String body) throws IOException {
        fhirApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fhirApi.createContext("/fhir", exchange -> {
            asked.set(exchange.getRequestURI().getRawPath());
            token.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        fhirApi.start();
        return records("http://127.0.0.1:" + fhirApi.getAddress().getPort() + "/fhir");
    }

    private static FhirApiRecords records(String baseUrl) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(Duration.ofSeconds(5));
        return new FhirApiRecords(RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build());
    }

    @AfterEach
    void stop() {
        if (fhirApi != null) {
            fhirApi.stop(0);
        }
    }

    @Test
    void the_patients_whole_record_is_asked_with_their_own_token_and_handed_on_as_written() throws IOException {
        String record = answering(200, BUNDLE).everything("p-1", PATIENT);

        assertThat(record).isEqualTo(BUNDLE);
        assertThat(asked.get()).isEqualTo("/fhir/Patient/p-1/$everything");
        assertThat(token.get()).isEqualTo("Bearer the-patients-token");
    }

    @Test
    void a_refusal_is_the_status_of_the_same_meaning_without_fhir_apis_words() throws IOException {
        String outcome = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"secret detail\"}]}";
        assertThatThrownBy(() -> answering(403, outcome).everything("p-2", PATIENT))
                .isInstanceOfSatisfying(StatusRuntimeException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(refused.getStatus().getDescription()).doesNotContain("secret detail");
                });
        stop();
        assertThatThrownBy(() -> answering(404, outcome).everything("p-3", PATIENT))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        stop();
        assertThatThrownBy(() -> answering(503, outcome).everything("p-1", PATIENT))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    @Test
    void an_id_fhir_could_never_name_is_refused_on_its_field_before_anything_is_sent() throws IOException {
        FhirApiRecords records = answering(200, BUNDLE);
        for (String id : new String[] {"", "a/b", "p-1\u0000", "../Patient", "x".repeat(65), "p 1", "Patient?_id=1"}) {
            assertThatThrownBy(() -> records.everything(id, PATIENT)).as(id)
                    .isInstanceOfSatisfying(org.medicore.bff.error.InvalidArgument.class,
                            refused -> assertThat(refused.violations()).extracting(v -> v.field()).containsExactly("patientId"));
        }
        assertThat(asked.get()).isNull();
    }

    @Test
    void a_fhir_api_that_is_not_there_is_unavailable() throws IOException {
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        assertThatThrownBy(() -> records("http://127.0.0.1:" + nothingListens + "/fhir").everything("p-1", PATIENT))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }
}
