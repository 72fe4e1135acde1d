package org.medicore.patient.adapter.in.grpc;

import io.grpc.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.DeclineErasureRequestRequest;
import org.medicore.contracts.patient.v1.DeclineErasureRequestResponse;
import org.medicore.contracts.patient.v1.ListPendingErasureRequestsRequest;
import org.medicore.contracts.patient.v1.ListPendingErasureRequestsResponse;
import org.medicore.contracts.patient.v1.RequestErasureRequest;
import org.medicore.contracts.patient.v1.RequestErasureResponse;
import org.medicore.patient.application.port.in.DecideErasure;
import org.medicore.patient.application.port.in.ReadErasureRequests;
import org.medicore.patient.application.port.in.RequestErasure;
import org.medicore.support.grpc.Breakage;
import org.medicore.support.grpc.RefusedAnswer;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.support.grpc.Breakage.fields;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

/**
 * Whichever fields of an erasure request, a decline or a listing are malformed, the one refusal names exactly those
 * (erasure_service.proto's rules read with the request), and no use case is reached.
 */
class MalformedErasureRequestProperties {

    private static final RequestErasureRequest WELL_FORMED_REQUEST = RequestErasureRequest.newBuilder()
            .setPatientId(UUID.randomUUID().toString()).setReason("asked in writing").build();
    private static final DeclineErasureRequestRequest WELL_FORMED_DECLINE = DeclineErasureRequestRequest.newBuilder()
            .setErasureRequestId(UUID.randomUUID().toString()).setReason("treatment ongoing, records kept by law").build();

    /** Use cases that fail any test that reaches them. */
    private final ErasureGrpcEndpoint endpoint = new ErasureGrpcEndpoint(unreachable(RequestErasure.class),
            unreachable(DecideErasure.class), unreachable(ReadErasureRequests.class));

    @Property(tries = 200)
    void exactly_the_malformed_fields_of_an_erasure_request_are_named(
            @ForAll("requestBreakages") List<Breakage<RequestErasureRequest.Builder>> broken) {
        RefusedAnswer<RequestErasureResponse> answer = new RefusedAnswer<>();

        endpoint.requestErasure(Breakage.applied(WELL_FORMED_REQUEST.toBuilder(), broken).build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
    }

    @Property(tries = 200)
    void exactly_the_malformed_fields_of_a_decline_are_named(
            @ForAll("declineBreakages") List<Breakage<DeclineErasureRequestRequest.Builder>> broken) {
        RefusedAnswer<DeclineErasureRequestResponse> answer = new RefusedAnswer<>();

        endpoint.declineErasureRequest(Breakage.applied(WELL_FORMED_DECLINE.toBuilder(), broken).build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
    }

    @Property(tries = 50)
    void a_negative_page_size_is_named(@ForAll("negativeSizes") int size) {
        RefusedAnswer<ListPendingErasureRequestsResponse> answer = new RefusedAnswer<>();

        endpoint.listPendingErasureRequests(ListPendingErasureRequestsRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(size)).build(), answer);

        assertThat(violatedFields(answer.refusal())).containsExactly("page.page_size");
    }

    @Provide
    Arbitrary<List<Breakage<RequestErasureRequest.Builder>>> requestBreakages() {
        return Breakage.anyMix(
                Breakage.notUuids().map(id -> new Breakage<>("patient_id", "as " + id, request -> request.setPatientId(id))),
                tooLong().map(reason -> new Breakage<>("reason", reason.length() + " characters", request -> request.setReason(reason))));
    }

    @Provide
    Arbitrary<List<Breakage<DeclineErasureRequestRequest.Builder>>> declineBreakages() {
        return Breakage.anyMix(
                Breakage.notUuids().map(id -> new Breakage<>("erasure_request_id", "as " + id,
                        request -> request.setErasureRequestId(id))),
                Arbitraries.oneOf(tooLong(), Arbitraries.just("")).map(reason -> new Breakage<>("reason",
                        reason.length() + " characters", request -> request.setReason(reason))));
    }

    @Provide
    Arbitrary<Integer> negativeSizes() {
        return Arbitraries.integers().lessOrEqual(-1);
    }

    private static Arbitrary<String> tooLong() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(501).ofMaxLength(2_000);
    }

    private static <T> T unreachable(Class<T> useCase) {
        return useCase.cast(Proxy.newProxyInstance(useCase.getClassLoader(), new Class<?>[]{useCase}, (proxy, method, arguments) -> {
            throw new AssertionError("a use case was reached: " + method.getName());
        }));
    }
}
