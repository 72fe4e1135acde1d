package org.medicore.localstack;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

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
}
