package org.medicore.bench;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A booking as the portal makes it, through the BFF's {@code bookAppointment} with the request's idempotency key, for
 * the scenario that kills the BFF. Its failures become the gRPC codes the workload retries by: the code the BFF passes
 * on; UNAVAILABLE when the BFF cannot be reached, dropped the connection or answered 502-504; DEADLINE_EXCEEDED when
 * it did not answer in time. Anything else keeps a code no client may retry, so the checker sees it.
 */
final class BffBooking implements Function<BookAppointmentRequest, Appointment> {

    private static final String BOOK = """
            mutation Book($input: BookAppointmentInput!) { bookAppointment(input: $input) { id version start } }""";
    private static final Set<Integer> GATEWAY_AWAY = Set.of(502, 503, 504);

    private final GraphQl graphQl;

    BffBooking(GraphQl graphQl) {
        this.graphQl = graphQl;
    }

    @Override
    public Appointment apply(BookAppointmentRequest request) {
        Map<String, Object> input = Map.of("patientId", request.getPatientId(), "practitionerId", request.getPractitionerId(),
                "start", Instant.ofEpochSecond(request.getStart().getSeconds()).toString(),
                "appointmentType", request.getAppointmentType().name(), "idempotencyKey", request.getIdempotencyKey());
        try {
            JsonNode booked = graphQl.execute("admin", BOOK, Map.of("input", input)).path("bookAppointment");
            return Appointment.newBuilder().setId(booked.path("id").asString()).setVersion(booked.path("version").asLong())
                    .setStart(Timestamp.newBuilder().setSeconds(Instant.parse(booked.path("start").asString()).getEpochSecond()))
                    .build();
        } catch (GraphQl.Refused refused) {
            throw new StatusRuntimeException(Status.fromCode(code(refused)).withDescription(refused.getMessage()));
        } catch (HttpTimeoutException late) {
            throw new StatusRuntimeException(Status.DEADLINE_EXCEEDED.withDescription("the BFF did not answer: " + late));
        } catch (ConnectException away) {
            throw new StatusRuntimeException(Status.UNAVAILABLE.withDescription("the BFF cannot be reached: " + away));
        } catch (IOException dropped) {
            throw new StatusRuntimeException(Status.UNAVAILABLE.withDescription("the BFF dropped the connection: " + dropped));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new StatusRuntimeException(Status.CANCELLED.withDescription("the workload stopped"));
        }
    }

    static Status.Code code(GraphQl.Refused refused) {
        if (GATEWAY_AWAY.contains(refused.httpStatus())) {
            return Status.Code.UNAVAILABLE;
        }
        return Arrays.stream(Status.Code.values()).filter(code -> code.name().equals(refused.code())).findFirst()
                .orElse(Status.Code.UNKNOWN);
    }
}
