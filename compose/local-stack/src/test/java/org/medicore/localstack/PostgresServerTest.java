package org.medicore.localstack;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresServerTest {

    @Test
    void a_row_written_to_a_service_database_is_read_back() throws Exception {
        String url = TestStack.newDatabaseUrl("round_trip");

        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute("create table greeting (id int primary key, text varchar(40) not null)");
            sql.execute("insert into greeting values (1, 'hello from MediCore')");
            try (ResultSet rows = sql.executeQuery("select text, version() from greeting where id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("hello from MediCore");
                assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
            }
        }
    }

    @Test
    void asking_twice_for_a_database_keeps_what_it_holds() throws Exception {
        String url = TestStack.newDatabaseUrl("kept");
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute("create table kept (id int)");
        }

        TestStack.newDatabaseUrl("kept");

        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet tables = connection.getMetaData().getTables(null, "public", "kept", null)) {
            assertThat(tables.next()).isTrue();
        }
    }

    @Test
    void a_committed_row_outlives_a_killed_and_a_stopped_server_started_again_on_its_port() throws Exception {
        // A server of its own: the shared one serves the other tests meanwhile.
        PostgresServer server = PostgresServer.start(TestStack.directory("postgres-faults"), TestStack.sharedPostgresBinaries(), 0);
        try {
            int port = server.port();
            server.ensureDatabase("faults");
            sql(server, "create table visit (id int primary key)", "insert into visit values (1)");

            server.kill();
            assertThatThrownBy(() -> sql(server, "select 1")).isInstanceOf(SQLException.class);
            server.startAgain();
            sql(server, "insert into visit values (2)");
            server.stop();
            assertThatThrownBy(() -> sql(server, "select 1")).isInstanceOf(SQLException.class);
            server.startAgain();

            assertThat(server.port()).isEqualTo(port);
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("faults"), PostgresServer.USER, PostgresServer.PASSWORD);
                 ResultSet rows = connection.createStatement().executeQuery("select count(*) from visit")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        } finally {
            server.close();
        }
    }

    private static void sql(PostgresServer server, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("faults"), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }
}
