package org.medicore.notification.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A reader of iCalendar text as a calendar program sees it: CRLF lines, folded lines joined
 * (RFC 5545 3.1), each content line split into its name (before ';' or ':') and value.
 */
public final class ICalendar {

    private final List<String> lines;

    private ICalendar(List<String> lines) {
        this.lines = lines;
    }

    public static ICalendar parse(String text) {
        if (!text.endsWith("\r\n")) {
            throw new IllegalArgumentException("iCalendar lines end with CRLF");
        }
        List<String> lines = new ArrayList<>();
        for (String physical : text.split("\r\n")) {
            if (physical.startsWith(" ") || physical.startsWith("\t")) {
                lines.set(lines.size() - 1, lines.getLast() + physical.substring(1));
            } else {
                lines.add(physical);
            }
        }
        if (!lines.getFirst().equals("BEGIN:VCALENDAR") || !lines.getLast().equals("END:VCALENDAR")) {
            throw new IllegalArgumentException("not a VCALENDAR");
        }
        return new ICalendar(lines);
    }

    /** The lines of the first component of that name (VEVENT, VTIMEZONE), its BEGIN and END included. */
    public ICalendar component(String name) {
        int begin = lines.indexOf("BEGIN:" + name);
        int end = lines.indexOf("END:" + name);
        if (begin < 0 || end < begin) {
            throw new AssertionError("no " + name + " in " + lines);
        }
        return new ICalendar(lines.subList(begin, end + 1));
    }

    /** The whole content line of the first property of that name. */
    public String line(String name) {
        return lines.stream().filter(line -> nameOf(line).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + lines));
    }

    public String value(String name) {
        return valueOf(line(name));
    }

    public List<String> values(String name) {
        return lines.stream().filter(line -> nameOf(line).equals(name)).map(ICalendar::valueOf).toList();
    }

    private static String nameOf(String line) {
        int end = line.length();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ';' || line.charAt(i) == ':') {
                end = i;
                break;
            }
        }
        return line.substring(0, end);
    }

    private static String valueOf(String line) {
        // parameters may hold quoted colons (CN="..."), the value starts after the first unquoted one
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return line.substring(i + 1);
            }
        }
        throw new AssertionError("no value in " + line);
    }
}
