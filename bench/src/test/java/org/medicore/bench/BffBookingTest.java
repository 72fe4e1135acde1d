package org.medicore.bench;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BffBookingTest {

    @Test
    void the_code_the_bff_passes_on_is_the_code_the_workload_retries_by() {
        assertThat(BffBooking.code(new GraphQl.Refused(200, "UNAVAILABLE", "appointment-service away")))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(BffBooking.code(new GraphQl.Refused(200, "ALREADY_EXISTS", "slot taken")))
                .isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void a_gateway_that_is_away_may_be_retried_and_anything_unknown_may_not() {
        assertThat(BffBooking.code(new GraphQl.Refused(503, "", "HTTP 503"))).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(BffBooking.code(new GraphQl.Refused(500, "", "HTTP 500"))).isEqualTo(Status.Code.UNKNOWN);
        assertThat(BffBooking.code(new GraphQl.Refused(200, "INTERNAL_ERROR", "graphql-java's own"))).isEqualTo(Status.Code.UNKNOWN);
        assertThat(BffBooking.code(new GraphQl.Refused(200, "", "no code at all"))).isEqualTo(Status.Code.UNKNOWN);
    }
}
