package org.medicore.notification.domain;

import org.junit.jupiter.api.Test;
import org.medicore.notification.support.ICalendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The .ics a patient's calendar program reads (RFC 5545 / iTIP RFC 5546). */
class CalendarInvitationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");
    private static final UUID APPOINTMENT = UUID.fromString("6f1c2b1e-8a9e-4a55-9d7e-3f2a8d3c1b20");
    private static final Instant STAMP = Instant.parse("2026-12-02T07:30:00Z");

    @Test
    void a_booking_is_a_request_in_the_practitioners_zone_with_the_zone_defined() {
        ICalendar calendar = ICalendar.parse(invitation(BERLIN, 0, false).text());

        assertThat(calendar.value("METHOD")).isEqualTo("REQUEST");
        assertThat(calendar.value("UID")).isEqualTo(APPOINTMENT + "@medicore");
        assertThat(calendar.value("SEQUENCE")).isEqualTo("0");
        assertThat(calendar.component("VEVENT").line("DTSTART")).isEqualTo("DTSTART;TZID=Europe/Berlin:20261210T091500");
        assertThat(calendar.component("VEVENT").line("DTEND")).isEqualTo("DTEND;TZID=Europe/Berlin:20261210T094500");
        assertThat(calendar.value("DTSTAMP")).isEqualTo("20261202T073000Z");
        assertThat(calendar.value("STATUS")).isEqualTo("CONFIRMED");
        assertThat(calendar.values("TZID")).containsExactly("Europe/Berlin");
        // in force on 10 December: CET since October; next change in March to CEST
        assertThat(calendar.values("TZOFFSETTO")).containsExactly("+0100", "+0200");
        assertThat(calendar.values("BEGIN")).containsSubsequence("VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT",
                "VEVENT");
    }

    @Test
    void a_move_keeps_the_uid_and_raises_the_sequence() {
        ICalendar booked = ICalendar.parse(invitation(BERLIN, 0, false).text());
        ICalendar moved = ICalendar.parse(invitation(BERLIN, 1, false).text());

        assertThat(moved.value("UID")).isEqualTo(booked.value("UID"));
        assertThat(moved.value("SEQUENCE")).isEqualTo("1");
    }

    @Test
    void a_cancellation_is_a_cancel_of_the_same_entry() {
        ICalendar calendar = ICalendar.parse(invitation(BERLIN, 2, true).text());

        assertThat(calendar.value("METHOD")).isEqualTo("CANCEL");
        assertThat(calendar.value("STATUS")).isEqualTo("CANCELLED");
        assertThat(calendar.value("UID")).isEqualTo(APPOINTMENT + "@medicore");
        assertThat(calendar.value("SEQUENCE")).isEqualTo("2");
    }

    @Test
    void a_zone_with_a_quarter_hour_offset_and_no_changes_has_one_observance() {
        ICalendar calendar = ICalendar.parse(invitation(KATHMANDU, 0, false).text());

        assertThat(calendar.values("TZOFFSETTO")).containsExactly("+0545");
        assertThat(calendar.component("VEVENT").line("DTSTART")).isEqualTo("DTSTART;TZID=Asia/Kathmandu:20261210T091500");
    }

    @Test
    void lines_end_in_crlf_and_are_folded_at_75_octets_without_splitting_a_character() {
        String summary = "Termin in der Praxis für Allgemeinmedizin, Kardiologie; Über-Straße 12 " + "ä".repeat(60);
        String text = new CalendarInvitation(details(BERLIN, 0), false, summary, "Clinic", "appointments@medicore.local",
                STAMP).text();

        assertThat(text).endsWith("\r\n").doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ICalendar.parse(text).value("SUMMARY"))
                .isEqualTo(summary.replace(",", "\\,").replace(";", "\\;"));
    }

    private static CalendarInvitation invitation(ZoneId zone, int sequence, boolean cancelled) {
        return new CalendarInvitation(details(zone, sequence), cancelled, "Appointment at MediCore Clinic",
                "MediCore Clinic", "appointments@medicore.local", STAMP);
    }

    private static MessageContent.AppointmentDetails details(ZoneId zone, int sequence) {
        Instant start = LocalDateTime.parse("2026-12-10T09:15").atZone(zone).toInstant();
        return new MessageContent.AppointmentDetails(APPOINTMENT, start, start.plusSeconds(1800), zone, sequence);
    }
}
