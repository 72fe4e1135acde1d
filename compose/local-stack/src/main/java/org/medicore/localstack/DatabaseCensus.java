package org.medicore.localstack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The number of rows in every table of the named databases: what a restore must bring back, table by table. */
public record DatabaseCensus(Map<String, Map<String, Long>> rowsByDatabaseAndTable) {

    public static DatabaseCensus of(int port, List<String> databases) {
        Map<String, Map<String, Long>> rows = new TreeMap<>();
        for (String database : databases) {
            try (Connection connection = PostgresServer.connect(port, database);
                 Statement sql = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet names = sql.executeQuery("select quote_ident(table_schema) || '.' || quote_ident(table_name)"
                        + " from information_schema.tables where table_type = 'BASE TABLE'"
                        + " and table_schema not in ('pg_catalog', 'information_schema')")) {
                    while (names.next()) {
                        tables.add(names.getString(1));
                    }
                }
                Map<String, Long> counts = new TreeMap<>();
                for (String table : tables) {
                    try (ResultSet count = sql.executeQuery("select count(*) from " + table)) {
                        count.next();
                        counts.put(table, count.getLong(1));
                    }
                }
                rows.put(database, counts);
            } catch (SQLException e) {
                throw new IllegalStateException("could not count the rows of database " + database + " on port " + port, e);
            }
        }
        return new DatabaseCensus(rows);
    }

    public long total(String database) {
        return rowsByDatabaseAndTable.getOrDefault(database, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }
}
