package org.medicore.billing;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.billing.support.GrpcCalls;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.billing.v1.GetBillingAccountRequest;
import org.medicore.contracts.billing.v1.GetFeeScheduleRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.TestStack;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.billing.support.GrpcCalls.codeOf;

/**
 * End to end with the real Keycloak realm: its tokens, signed by its keys and fetched with the
 * password grant of the demo users, pass or fail the service's checks as the roles say. The
 * event consumer stays off here: the other tests' context owns the consumer group.
 */
@SpringBootTest(classes = BillingServiceApplication.class, properties = {
        "spring.grpc.server.port=0",
        "spring.grpc.server.host=127.0.0.1",
        "spring.kafka.listener.auto-startup=false",
})
class KeycloakSecurityTest {

    private static final String PATIENT_SUBJECT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @LocalGrpcServerPort
    int port;

    private ManagedChannel channel;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        AuditDatabase.writerProperties(TestStack.postgres()).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () -> TestStack.newDatabaseUrl("billing_keycloak_test"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestStack.kafka().bootstrapServers());
        registry.add("medicore.billing.security.issuer", () -> TestStack.keycloak().issuer());
        registry.add("medicore.billing.security.jwk-set-uri", () -> TestStack.keycloak().jwksUri());
    }

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void keycloak_tokens_grant_billing_staff_the_fee_schedule_and_keep_a_patient_to_their_own_account() throws Exception {
        String billingToken = token("billing");
        var asBilling = stub(billingToken);
        var asPatient = stub(token("patient"));

        assertThat(asBilling.getFeeSchedule(GetFeeScheduleRequest.getDefaultInstance()).getFeeSchedule().getFeesCount())
                .isEqualTo(3);
        assertThat(codeOf(() -> asPatient.listInvoicesByPatient(ListInvoicesByPatientRequest.newBuilder()
                .setPatientId(UUID.randomUUID().toString()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        // their own id passes the access check; no PatientRegistered reached this database
        assertThat(codeOf(() -> asPatient.getBillingAccount(GetBillingAccountRequest.newBuilder()
                .setPatientId(PATIENT_SUBJECT).build()))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(codeOf(() -> stub(billingToken + "x").getFeeSchedule(GetFeeScheduleRequest.getDefaultInstance())))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private static String token(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=medicore-local-dev&username=" + user + "&password="
                + URLEncoder.encode(user + "-password", StandardCharsets.UTF_8);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(TestStack.keycloak().tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            assertThat(token.find()).as("token response %s", response.body()).isTrue();
            return token.group(1);
        }
    }

    private BillingServiceGrpc.BillingServiceBlockingStub stub(String token) {
        return GrpcCalls.billingAs(channel, token);
    }

}
