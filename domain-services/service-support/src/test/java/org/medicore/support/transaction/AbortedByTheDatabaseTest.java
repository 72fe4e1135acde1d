package org.medicore.support.transaction;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures run a transaction again. Found by the fault suite: a restarted appointment-service whose pool timed
 * out (an SQLException without a SQLSTATE) answered INTERNAL, because the lookup of a null state threw.
 */
class AbortedByTheDatabaseTest {

    @Test
    void a_deadlock_or_a_serialization_failure_anywhere_in_the_causes_runs_again() {
        assertThat(SpringTransactions.abortedByTheDatabase(new IllegalStateException(new SQLException("deadlock", "40P01"))))
                .isTrue();
        assertThat(SpringTransactions.abortedByTheDatabase(new SQLException("could not serialize", "40001"))).isTrue();
    }

    @Test
    void a_failure_without_a_sqlstate_is_not_run_again_and_does_not_throw() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException("Connection is not available");

        assertThat(poolTimeout.getSQLState()).isNull();
        assertThat(SpringTransactions.abortedByTheDatabase(new DataAccessResourceFailureException("no connection", poolTimeout)))
                .isFalse();
    }

    @Test
    void other_failures_are_not_run_again() {
        assertThat(SpringTransactions.abortedByTheDatabase(new SQLException("unique violation", "23505"))).isFalse();
        assertThat(SpringTransactions.abortedByTheDatabase(new IllegalArgumentException("no sql at all"))).isFalse();
    }
}
