package org.medicore.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The iCalendar object (RFC 5545, iTIP method REQUEST or CANCEL per RFC 5546) of an appointment:
 * UID stable per appointment, SEQUENCE from the calendar, times in the practitioner's zone with
 * the VTIMEZONE that defines it, lines folded at 75 octets and ended by CRLF.
 */
public record CalendarInvitation(MessageContent.AppointmentDetails appointment, boolean cancelled, String summary,
                                 String organizerName, String organizerEmail, Instant stamp) {

    public static final String UID_DOMAIN = "medicore";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public CalendarInvitation {
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(stamp, "stamp");
    }

    public String method() {
        return cancelled ? "CANCEL" : "REQUEST";
    }

    public static String uidOf(java.util.UUID appointmentId) {
        return appointmentId + "@" + UID_DOMAIN;
    }

    public String text() {
        ZoneId zone = appointment.practitionerZone();
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//MediCore//notification-service//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:" + method());
        lines.addAll(timeZone(zone));
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + uidOf(appointment.appointmentId()));
        lines.add("SEQUENCE:" + appointment.sequence());
        lines.add("DTSTAMP:" + UTC.format(stamp));
        lines.add("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(appointment.start().atZone(zone)));
        lines.add("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(appointment.end().atZone(zone)));
        lines.add("SUMMARY:" + escaped(summary));
        lines.add("ORGANIZER;CN=" + parameter(organizerName) + ":mailto:" + organizerEmail);
        lines.add("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        lines.add("TRANSP:OPAQUE");
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(folded(line)).append("\r\n"));
        return text.toString();
    }

    /**
     * The VTIMEZONE the TZID refers to: the observance in force at the start and the next change
     * after the end, which is all a reader needs to place this one event (a zone without changes
     * gets one fixed observance).
     */
    private List<String> timeZone(ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        lines.addAll(observances(zone.getRules()));
        lines.add("END:VTIMEZONE");
        return lines;
    }

    private List<String> observances(ZoneRules rules) {
        List<String> lines = new ArrayList<>();
        ZoneOffsetTransition inForce = rules.previousTransition(appointment.start().plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(appointment.end());
        if (inForce == null) {
            ZoneOffset offset = rules.getOffset(appointment.start());
            lines.addAll(observance(!rules.isDaylightSavings(appointment.start()),
                    LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
        } else {
            lines.addAll(observance(rules, inForce));
        }
        if (next != null) {
            lines.addAll(observance(rules, next));
        }
        return lines;
    }

    /** A change of offset; DTSTART is its local time in the offset before it (RFC 5545 3.6.5). */
    private static List<String> observance(ZoneRules rules, ZoneOffsetTransition transition) {
        return observance(!rules.isDaylightSavings(transition.getInstant()), transition.getDateTimeBefore(),
                transition.getOffsetBefore(), transition.getOffsetAfter());
    }

    private static List<String> observance(boolean standard, LocalDateTime onset, ZoneOffset from, ZoneOffset to) {
        String kind = standard ? "STANDARD" : "DAYLIGHT";
        return List.of("BEGIN:" + kind, "DTSTART:" + LOCAL.format(onset), "TZOFFSETFROM:" + offset(from),
                "TZOFFSETTO:" + offset(to), "END:" + kind);
    }

    /** RFC 5545 UTC-OFFSET: +hhmm, with seconds only when there are any. */
    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int magnitude = Math.abs(total);
        String text = String.format("%s%02d%02d", total < 0 ? "-" : "+", magnitude / 3600, magnitude / 60 % 60);
        return magnitude % 60 == 0 ? text : text + String.format("%02d", magnitude % 60);
    }

    /** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
    static String escaped(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A parameter value: quoted, since names hold commas and colons; DQUOTE itself is not allowed. */
    private static String parameter(String value) {
        return "\"" + (value == null ? "" : value.replace("\"", "'")) + "\"";
    }

    /** Lines longer than 75 octets continue on the next line after CRLF and a space, never inside a character. */
    static String folded(String line) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }
}
