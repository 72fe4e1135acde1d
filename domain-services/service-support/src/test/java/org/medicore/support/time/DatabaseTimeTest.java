package org.medicore.support.time;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** On real PostgreSQL: a service whose host clock drifts keeps the database's time. */
class DatabaseTimeTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static DriverManagerDataSource database;

    @BeforeAll
    static void database() {
        database = new DriverManagerDataSource(TestStack.newDatabaseUrl("database_time"), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    @Test
    void a_host_five_minutes_ahead_keeps_the_databases_time() {
        DatabaseTime time = new DatabaseTime(database, Clock.offset(Clock.systemUTC(), FIVE_MINUTES));

        assertThat(time.measure()).isBetween(FIVE_MINUTES.negated().minusSeconds(1), FIVE_MINUTES.negated().plusSeconds(1));
        assertThat(Duration.between(Instant.now(), time.clock().instant()).abs()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void a_host_behind_is_moved_forward() {
        DatabaseTime time = new DatabaseTime(database, Clock.offset(Clock.systemUTC(), FIVE_MINUTES.negated()));

        time.measure();

        assertThat(Duration.between(Instant.now(), time.clock().instant()).abs()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void a_host_that_agrees_within_a_second_is_left_as_it_is() {
        DatabaseTime time = new DatabaseTime(database, Clock.offset(Clock.systemUTC(), Duration.ofMillis(300)));

        assertThat(time.measure()).isZero();
        assertThat(time.offset()).isZero();
    }

    @Test
    void while_the_database_cannot_be_read_the_last_offset_holds() throws Exception {
        Away away = new Away(database);
        DatabaseTime time = new DatabaseTime(away, Clock.offset(Clock.systemUTC(), FIVE_MINUTES));
        Duration measured = time.measure();

        away.away = true;

        assertThat(time.measure()).isEqualTo(measured);
        assertThat(Duration.between(Instant.now(), time.clock().instant()).abs()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void the_service_time_follows_from_the_start_in_any_zone_until_closed() {
        try (DatabaseTime time = DatabaseTime.following(database)) {
            assertThat(Duration.between(Instant.now(), time.clock().instant()).abs()).isLessThan(Duration.ofSeconds(1));
            Clock berlin = time.clock().withZone(ZoneId.of("Europe/Berlin"));
            assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(Duration.between(Instant.now(), berlin.instant()).abs()).isLessThan(Duration.ofSeconds(1));
        }
    }

    /** A database that can be made unreachable. */
    private static final class Away extends DelegatingDataSource {

        volatile boolean away;

        Away(DataSource database) {
            super(database);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (away) {
                throw new SQLException("Connection refused", "08001");
            }
            return super.getConnection();
        }
    }
}
