package org.medicore.support.erasure;

import org.medicore.localstack.PostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a value is stored in a PostgreSQL database: every text, array, bytea, uuid and jsonb column of every table, as
 * information_schema lists them, searched as the database's owner. A test of erasure asks it for a forgotten person's
 * name, e-mail and birth date. Shared through service-support's test-jar.
 */
public final class StoredValueSearch {

    private StoredValueSearch() {
    }

    /** The columns of the schema's tables that hold {@code value}, as {@code table.column}. */
    public static List<String> placesHolding(String url, String schema, String value) {
        return search(owner(url), "c.table_schema = '" + schema.replace("'", "''") + "'", false, value);
    }

    /** The columns of the tables of the connection's current schema that hold {@code value}, as {@code table.column}. */
    public static List<String> placesHolding(Connection connection, String value) {
        return search(JdbcClient.create(new SingleConnectionDataSource(connection, true)), "c.table_schema = current_schema()", false, value);
    }

    /** The columns of every table of the database (any schema but PostgreSQL's own) that hold {@code value}, as {@code schema.table.column}. */
    public static List<String> placesHolding(String url, String value) {
        return search(owner(url), "c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg_toast%'",
                true, value);
    }

    private static JdbcClient owner(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url, PostgresServer.USER, PostgresServer.PASSWORD));
    }

    private static List<String> search(JdbcClient owner, String schemas, boolean namingSchemas, String value) {
        List<String> places = new ArrayList<>();
        List<List<String>> columns = owner.sql("""
                select c.table_schema, c.table_name, c.column_name, c.data_type from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where %s and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character varying', 'character', 'ARRAY', 'bytea', 'uuid', 'jsonb', 'json')"""
                        .formatted(schemas))
                .query((row, number) -> List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4))).list();
        assertThat(columns).as("columns to search").isNotEmpty();
        for (List<String> column : columns) {
            String table = "\"%s\".\"%s\"".formatted(column.get(0), column.get(1));
            String name = column.get(2);
            String condition = switch (column.get(3)) {
                case "bytea" -> "position(convert_to(?, 'UTF8') in \"%s\") > 0".formatted(name);
                case "ARRAY" -> "strpos(array_to_string(\"%s\"::text[], E'\\x1e'), ?) > 0".formatted(name);
                default -> "strpos(\"%s\"::text, ?) > 0".formatted(name);
            };
            long rows = owner.sql("select count(*) from %s where %s".formatted(table, condition)).param(value).query(Long.class).single();
            if (rows > 0) {
                places.add((namingSchemas ? column.get(0) + "." : "") + column.get(1) + "." + name);
            }
        }
        return places;
    }
}
