package org.medicore.patient.adapter.in.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.localstack.TestTokens;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.patient.ProtoRequests.aRegistration;

/**
 * A desk's registration retried while its first try is still being written (the client's deadline passed, the
 * service was slow): the tries race for the same person's claim in DynamoDB. Every try must be answered with
 * something a client can act on (never UNKNOWN, which the fault suite met once under a PostgreSQL outage), and
 * the person is stored once.
 */
class ConcurrentRegistrationTest extends EndpointOverRealChannelTest {

    private static final String DESK = TestTokens.forSubject("staff-desk-" + UUID.randomUUID(), "DOCTOR");
    private static final int TRIES = 12;

    @Test
    void the_same_registration_sent_many_times_at_once_stores_the_person_once_and_answers_every_try_in_a_known_way() {
        String family = uniqueFamilyName("Rennen");
        RegisterPatientRequest registration = aRegistration(family).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService tries = Executors.newFixedThreadPool(TRIES);
        try {
            List<CompletableFuture<Status.Code>> answers = IntStream.range(0, TRIES)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(start);
                        try {
                            as(DESK).registerPatient(registration);
                            return Status.Code.OK;
                        } catch (StatusRuntimeException refused) {
                            return refused.getStatus().getCode();
                        }
                    }, tries)).toList();
            start.countDown();

            List<Status.Code> codes = answers.stream().map(CompletableFuture::join).toList();
            assertThat(codes).as("each try's answer").isSubsetOf(Status.Code.OK, Status.Code.ALREADY_EXISTS, Status.Code.ABORTED)
                    .contains(Status.Code.OK);
        } finally {
            tries.shutdownNow();
        }
        assertThat(as(DESK).searchPatients(SearchPatientsRequest.newBuilder().setFamilyNamePrefix(family)
                .setPage(PageRequest.newBuilder().setPageSize(10)).build()).getPatientsList()).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
