package org.medicore.appointment.adapter.out.jooq;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.medicore.appointment.domain.TimeRange;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Objects;

/**
 * Binds PostgreSQL {@code tstzrange} columns to {@link TimeRange} ([start, end)). Public only
 * because the generated table classes, in a sub-package, name it.
 */
public final class TstzRangeBinding implements Binding<Object, TimeRange> {

    private static final DateTimeFormatter POSTGRES_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HH:mm", "+00")
            .toFormatter();

    private static final Converter<Object, TimeRange> CONVERTER =
            Converter.ofNullable(Object.class, TimeRange.class, text -> parse(text.toString()), TstzRangeBinding::format);

    @Override
    public Converter<Object, TimeRange> converter() {
        return CONVERTER;
    }

    @Override
    public void sql(BindingSQLContext<TimeRange> ctx) {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(ctx.convert(converter()).value())).sql("::tstzrange");
        } else {
            ctx.render().sql(ctx.variable()).sql("::tstzrange");
        }
    }

    @Override
    public void register(BindingRegisterContext<TimeRange> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<TimeRange> ctx) throws SQLException {
        ctx.statement().setString(ctx.index(), Objects.toString(ctx.convert(converter()).value(), null));
    }

    @Override
    public void get(BindingGetResultSetContext<TimeRange> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.resultSet().getString(ctx.index()));
    }

    @Override
    public void get(BindingGetStatementContext<TimeRange> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.statement().getString(ctx.index()));
    }

    @Override
    public void set(BindingSetSQLOutputContext<TimeRange> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetSQLInputContext<TimeRange> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    static String format(TimeRange range) {
        return "[" + range.start() + "," + range.end() + ")";
    }

    /** Reads PostgreSQL's output form, e.g. {@code ["2026-03-30 06:00:00+00","2026-03-30 06:30:00+00")}. */
    static TimeRange parse(String text) {
        String inner = text.substring(1, text.length() - 1);
        int comma = inner.indexOf(',');
        return new TimeRange(instant(inner.substring(0, comma)), instant(inner.substring(comma + 1)));
    }

    private static Instant instant(String bound) {
        return OffsetDateTime.parse(bound.replace("\"", ""), POSTGRES_TIMESTAMP).toInstant();
    }
}
