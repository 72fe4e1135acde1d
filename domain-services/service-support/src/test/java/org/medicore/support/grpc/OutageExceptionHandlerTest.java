package org.medicore.support.grpc;

import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class OutageExceptionHandlerTest {

    private final OutageExceptionHandler handler = new OutageExceptionHandler();

    @Test
    void an_unreachable_store_is_answered_unavailable_with_when_to_retry() {
        StatusException answer = handler.handleException(new IllegalStateException("the query failed",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms")));

        assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(StatusProto.fromThrowable(answer).getDetailsList()).anyMatch(detail -> detail.is(RetryInfo.class));
    }

    @Test
    void any_other_failure_is_left_to_the_next_handler() {
        assertThat(handler.handleException(new IllegalStateException("a bug"))).isNull();
    }
}
