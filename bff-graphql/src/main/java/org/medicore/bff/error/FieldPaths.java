package org.medicore.bff.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's field path (proto spelling, {@code contact.email_address}) in the schema's spelling ({@code contact.emailAddress}). */
final class FieldPaths {

    private static final Pattern SNAKE = Pattern.compile("_([a-z0-9])");

    private FieldPaths() {
    }

    static String toSchema(String protoPath) {
        Matcher m = SNAKE.matcher(protoPath);
        StringBuilder camel = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(camel, m.group(1).toUpperCase());
        }
        return m.appendTail(camel).toString();
    }
}
