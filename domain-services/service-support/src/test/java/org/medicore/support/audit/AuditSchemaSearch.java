package org.medicore.support.audit;

import org.medicore.localstack.PostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a value is in the audit schema: every text, array and bytea column of every table, as information_schema lists
 * them (a test of erasure asks it for a forgotten person's values). Shared through service-support's test-jar.
 */
public final class AuditSchemaSearch {

    private AuditSchemaSearch() {
    }

    public static List<String> placesHolding(String url, String value) {
        JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(url, PostgresServer.USER, PostgresServer.PASSWORD));
        List<String> places = new ArrayList<>();
        List<List<String>> columns = owner.sql("""
                select c.table_name, c.column_name, c.data_type from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'audit' and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character varying', 'ARRAY', 'bytea', 'uuid', 'jsonb')""")
                .query((row, number) -> List.of(row.getString(1), row.getString(2), row.getString(3))).list();
        assertThat(columns).extracting(List::getFirst).contains("access_record", "patient_key");
        for (List<String> column : columns) {
            String table = column.get(0);
            String name = column.get(1);
            String condition = switch (column.get(2)) {
                case "bytea" -> "position(convert_to(?, 'UTF8') in \"%s\") > 0".formatted(name);
                case "ARRAY" -> "strpos(array_to_string(\"%s\"::text[], E'\\x1e'), ?) > 0".formatted(name);
                default -> "strpos(\"%s\"::text, ?) > 0".formatted(name);
            };
            long rows = owner.sql("select count(*) from audit.\"%s\" where %s".formatted(table, condition))
                    .param(value).query(Long.class).single();
            if (rows > 0) {
                places.add(table + "." + name);
            }
        }
        return places;
    }
}
