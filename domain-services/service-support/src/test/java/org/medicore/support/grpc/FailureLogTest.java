package org.medicore.support.grpc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an endpoint's unexpected failure is logged: an outage or a concurrent change in one WARN line, a fault at
 * ERROR with its stack.
 */
class FailureLogTest {

    private final Logger log = (Logger) LoggerFactory.getLogger(GrpcErrors.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(logged);
    }

    @Test
    void a_call_that_met_a_database_outage_is_one_warning_line_without_a_stack_trace() {
        var outage = new IllegalStateException("the query failed",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms"));

        assertThat(GrpcErrors.ofFailure(outage).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).isNull();
            assertThat(line.getFormattedMessage()).contains("IllegalStateException: the query failed").doesNotContain("\n");
        });
    }

    @Test
    void the_failure_handler_of_every_grpc_server_logs_the_same_line() {
        new EndpointFailureHandler().handleException(new RuntimeException(new SQLException("the database system is starting up", "57P03")));

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void a_change_that_met_a_concurrent_one_is_one_warning_line() {
        assertThat(GrpcErrors.ofFailure(new RuntimeException(new SQLException("could not serialize access", "40001")))
                .getStatus().getCode()).isEqualTo(Status.Code.ABORTED);

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void any_other_failure_is_an_error_with_its_stack_trace() {
        var fault = new NullPointerException("appointment.practitioner()");

        assertThat(GrpcErrors.ofFailure(fault).getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        });
    }
}
