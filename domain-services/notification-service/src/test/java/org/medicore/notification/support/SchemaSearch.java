package org.medicore.notification.support;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a value is in the service's schema: every text, character, array and jsonb column of every
 * table, as information_schema lists them (as service-support's AuditSchemaSearch does for the audit
 * schema); a test of erasure asks it for a forgotten patient's values.
 */
public final class SchemaSearch {

    private SchemaSearch() {
    }

    public static List<String> placesHolding(DSLContext db, String value) {
        List<String> places = new ArrayList<>();
        var columns = db.fetch("""
                select c.table_name, c.column_name, c.data_type from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character varying', 'character', 'ARRAY', 'jsonb')""");
        assertThat(columns.getValues(0, String.class)).contains("recipient", "notification", "channel_consent_history");
        for (var column : columns) {
            String table = column.get(0, String.class);
            String name = column.get(1, String.class);
            String text = "ARRAY".equals(column.get(2, String.class))
                    ? "array_to_string(\"%s\"::text[], E'\\x1e')".formatted(name) : "\"%s\"::text".formatted(name);
            if (db.fetchExists(DSL.selectOne().from(DSL.table(DSL.name(table)))
                    .where(DSL.condition("strpos(" + text + ", {0}) > 0", DSL.val(value))))) {
                places.add(table + "." + name);
            }
        }
        return places;
    }
}
