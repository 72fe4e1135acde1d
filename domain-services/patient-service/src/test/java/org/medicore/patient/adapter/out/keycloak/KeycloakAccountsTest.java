package org.medicore.patient.adapter.out.keycloak;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.FreePorts;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.Unreachable;
import org.medicore.support.security.ClientCredentialsTokens;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How an approval hears of Keycloak's failures while it deletes a login: a Keycloak that is down or answers 5xx is
 * an outage the approval answers UNAVAILABLE (approving again goes on), a refusal of the request itself a fault.
 * The stand-in below answers with the status each case needs, which a real Keycloak cannot be made to; the deletion
 * itself runs against the real Keycloak in {@code PatientErasureOverGrpcTest}.
 */
class KeycloakAccountsTest {

    private HttpServer keycloak;
    private volatile int deleteAnswers;

    @BeforeEach
    void start() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/token", exchange -> {
            byte[] body = "{\"access_token\":\"eraser-token\",\"expires_in\":300}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.createContext("/admin/realms/medicore/users/", exchange -> {
            exchange.sendResponseHeaders(deleteAnswers, -1);
            exchange.close();
        });
        keycloak.start();
    }

    @AfterEach
    void stop() {
        keycloak.stop(0);
    }

    @Test
    void keycloak_answering_503_or_429_is_an_outage_the_approval_answers_unavailable() {
        for (int status : new int[] {502, 503, 429}) {
            deleteAnswers = status;

            Throwable failure = catchThrowable(() -> accounts(base()).delete("3f1c2a70-0000-4000-8000-000000000001"));

            assertThat(failure).as("HTTP %d", status).isInstanceOf(Unreachable.class);
            assertThat(GrpcErrors.ofFailure(failure).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        }
    }

    @Test
    void keycloak_down_is_an_outage_too_already_when_the_token_is_asked_for() {
        URI nobody = URI.create("http://127.0.0.1:" + FreePorts.free());

        Throwable failure = catchThrowable(() -> accounts(nobody).delete("3f1c2a70-0000-4000-8000-000000000001"));

        assertThat(failure).isInstanceOf(Unreachable.class);
        assertThat(GrpcErrors.ofFailure(failure).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void a_login_already_gone_is_deleted_and_a_refusal_of_the_eraser_is_a_fault_not_an_outage() {
        deleteAnswers = 404;
        assertThatCode(() -> accounts(base()).delete("3f1c2a70-0000-4000-8000-000000000001")).doesNotThrowAnyException();

        deleteAnswers = 403;
        Throwable failure = catchThrowable(() -> accounts(base()).delete("3f1c2a70-0000-4000-8000-000000000001"));

        assertThat(failure).isNotInstanceOf(Unreachable.class).hasMessageContaining("HTTP 403");
        assertThat(GrpcErrors.ofFailure(failure).getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + keycloak.getAddress().getPort());
    }

    private static KeycloakAccounts accounts(URI keycloak) {
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(keycloak.resolve("/token"), "medicore-account-eraser",
                "secret", Clock.systemUTC());
        return new KeycloakAccounts(keycloak.resolve("/admin/realms/medicore"), tokens);
    }
}
