package org.medicore.bff.graphql;

import com.google.protobuf.Timestamp;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * The schema's scalars, read from the services' protobuf types as they come: DateTime from
 * {@code google.protobuf.Timestamp} or {@code Instant}, Date from {@code google.type.Date} or
 * {@code LocalDate}, Long from any integer. Inputs come in as {@code Instant} and {@code LocalDate}.
 */
@Configuration
class ScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(scalar("DateTime", ScalarConfiguration::dateTime, ScalarConfiguration::parseDateTime))
                .scalar(scalar("Date", ScalarConfiguration::date, ScalarConfiguration::parseDate))
                .scalar(GraphQLScalarType.newScalar().name("Long").coercing(new LongCoercing()).build());
    }

    private static String dateTime(Object value) {
        return switch (value) {
            case Timestamp t -> Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
            case Instant i -> i.toString();
            default -> throw new CoercingSerializeException("not a DateTime: " + value.getClass().getSimpleName());
        };
    }

    private static Instant parseDateTime(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static String date(Object value) {
        return switch (value) {
            case com.google.type.Date d -> LocalDate.of(d.getYear(), d.getMonth(), d.getDay()).toString();
            case LocalDate d -> d.toString();
            default -> throw new CoercingSerializeException("not a Date: " + value.getClass().getSimpleName());
        };
    }

    private static LocalDate parseDate(String text) {
        return LocalDate.parse(text);
    }

    private static GraphQLScalarType scalar(String name, Function<Object, String> serialize, Function<String, ?> parse) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                return serialize.apply(value);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return parse.apply(String.valueOf(input));
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException("not a valid " + name + ": " + input);
                }
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (!(input instanceof StringValue text)) {
                    throw new CoercingParseLiteralException(name + " is written as a string");
                }
                try {
                    return parse.apply(text.getValue());
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException("not a valid " + name + ": " + text.getValue());
                }
            }
        }).build();
    }

    private static final class LongCoercing implements Coercing<Long, Long> {

        @Override
        public Long serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Number number) {
                return number.longValue();
            }
            throw new CoercingSerializeException("not a Long: " + value);
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof Number number) {
                return number.longValue();
            }
            try {
                return Long.parseLong(String.valueOf(input));
            } catch (NumberFormatException e) {
                throw new CoercingParseValueException("not a Long: " + input);
            }
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof IntValue number) {
                return number.getValue().longValueExact();
            }
            if (input instanceof StringValue text) {
                return parseValue(text.getValue(), context, locale);
            }
            throw new CoercingParseLiteralException("not a Long: " + input);
        }
    }
}
