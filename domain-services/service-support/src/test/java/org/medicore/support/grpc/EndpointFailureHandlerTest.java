package org.medicore.support.grpc;

import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.Deadline;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointFailureHandlerTest {

    private final EndpointFailureHandler handler = new EndpointFailureHandler();

    @Test
    void an_unreachable_store_is_answered_unavailable_with_when_to_retry() {
        StatusException answer = handler.handleException(new IllegalStateException("the query failed",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms")));

        assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(StatusProto.fromThrowable(answer).getDetailsList()).anyMatch(detail -> detail.is(RetryInfo.class));
    }

    @Test
    void a_store_that_did_not_answer_in_time_is_unavailable_as_dynamodb_local_behind_a_burst_was() {
        SdkClientException poolExhausted = SdkClientException.builder()
                .message("Unable to execute HTTP request: Timeout deadline: 10000 MILLISECONDS, actual: 10010 MILLISECONDS")
                .cause(new ConnectionRequestTimeoutException("Timeout deadline: 10000 MILLISECONDS, actual: 10010 MILLISECONDS"))
                .build();
        SdkClientException pastDeadline = SdkClientException.builder().message("Unable to execute HTTP request: Request execution failed")
                .cause(new RequestFailedException("Request execution failed",
                        DeadlineTimeoutException.from(Deadline.fromUnixMilliseconds(0)))).build();

        assertThat(handler.handleException(poolExhausted).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(handler.handleException(pastDeadline).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void a_dynamodb_transaction_that_met_another_on_the_same_item_is_aborted_so_the_caller_tries_again() {
        TransactionCanceledException conflict = cancelled("None", "TransactionConflict", "None");

        assertThat(handler.handleException(new IllegalStateException("registration failed", conflict)).getStatus().getCode())
                .isEqualTo(Status.Code.ABORTED);
    }

    @Test
    void a_postgresql_serialization_failure_or_deadlock_is_aborted() {
        assertThat(handler.handleException(new SQLException("could not serialize access", "40001")).getStatus().getCode())
                .isEqualTo(Status.Code.ABORTED);
        assertThat(handler.handleException(new RuntimeException(new SQLException("deadlock detected", "40P01")))
                .getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    }

    @Test
    void a_transaction_refused_by_its_own_condition_is_a_defect_not_a_retry() {
        StatusException answer = handler.handleException(cancelled("ConditionalCheckFailed", "None"));

        assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void a_status_the_endpoint_chose_is_kept_with_its_details() {
        StatusException answer = handler.handleException(GrpcErrors.invalid("patient_id", "must be a UUID"));

        assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(StatusProto.fromThrowable(answer).getDetailsCount()).isOne();
    }

    /** Whatever an endpoint lets through, however deep, the caller never hears UNKNOWN nor the failure's own words. */
    @Property(tries = 300)
    void no_failure_is_answered_unknown_or_echoed(@ForAll("failures") Throwable failure) {
        StatusException answer = handler.handleException(failure);

        assertThat(answer.getStatus().getCode()).isIn(Status.Code.UNAVAILABLE, Status.Code.ABORTED, Status.Code.INTERNAL);
        assertThat(answer.getStatus().getDescription()).doesNotContain("secret-");
    }

    @Provide
    Arbitrary<Throwable> failures() {
        Arbitrary<String> words = Arbitraries.strings().ofMaxLength(40).map(text -> "secret-" + text);
        Arbitrary<Throwable> innermost = Arbitraries.oneOf(
                words.map(IllegalStateException::new),
                words.map(NullPointerException::new),
                words.map(IOException::new),
                words.map(SocketTimeoutException::new),
                words.map(text -> new StackOverflowError(text)),
                words.map(text -> new PSQLException(text, PSQLState.CONNECTION_FAILURE)),
                words.map(text -> new PSQLException(text, PSQLState.UNIQUE_VIOLATION)),
                Arbitraries.of("TransactionConflict", "ConditionalCheckFailed", "ThrottlingError", "ValidationError")
                        .map(reason -> cancelled(reason)));
        return innermost.flatMap(cause -> Arbitraries.integers().between(0, 4).flatMap(depth -> words.list().ofSize(depth)
                .map(messages -> wrap(cause, messages))));
    }

    private static Throwable wrap(Throwable cause, List<String> messages) {
        Throwable wrapped = cause;
        for (String message : messages) {
            wrapped = new RuntimeException(message, wrapped);
        }
        return wrapped;
    }

    private static TransactionCanceledException cancelled(String... reasons) {
        return TransactionCanceledException.builder().message("secret-Transaction cancelled")
                .cancellationReasons(Arrays.stream(reasons)
                        .map(code -> CancellationReason.builder().code(code).build()).toList())
                .build();
    }
}
