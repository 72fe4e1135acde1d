package org.medicore.notification.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet hours in the patient's zone, across DST changes, odd offsets and far dates. */
class QuietHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Property(tries = 2000)
    void a_message_that_waits_is_never_sent_in_quiet_hours_and_never_before_it_is_due(
            @ForAll("instants") Instant due, @ForAll("zones") ZoneId zone, @ForAll("quietHours") QuietHours quiet) {
        Instant sent = quiet.earliestFrom(due, zone);

        assertThat(quiet.covers(sent, zone)).as("%s in %s", sent.atZone(zone), zone).isFalse();
        assertThat(sent).isAfterOrEqualTo(due);
        // The next day's open time, or the day after when a DST gap swallows it (quiet 00:07-00:06
        // leaves one open minute; in Santiago on 1969-11-23 the clocks skipped it): at most 50 h.
        assertThat(sent).isBeforeOrEqualTo(due.plus(50, ChronoUnit.HOURS));
    }

    @Property(tries = 2000)
    void a_message_outside_quiet_hours_goes_when_due(
            @ForAll("instants") Instant due, @ForAll("zones") ZoneId zone, @ForAll("quietHours") QuietHours quiet) {
        Instant sent = quiet.earliestFrom(due, zone);

        assertThat(sent.equals(due)).isEqualTo(!quiet.covers(due, zone));
        assertThat(quiet.earliestFrom(sent, zone)).isEqualTo(sent);
    }

    @Property(tries = 2000)
    void a_reminder_arrives_before_the_visit_out_of_quiet_hours_and_not_in_the_past(
            @ForAll("instants") Instant visit, @ForAll("leadMinutes") int leadMinutes, @ForAll("zones") ZoneId zone,
            @ForAll("quietHours") QuietHours quiet) {
        Instant now = visit.minus(3, ChronoUnit.DAYS);
        Optional<Instant> sent = quiet.reminderTime(visit.minus(leadMinutes, ChronoUnit.MINUTES), visit, now, zone);

        sent.ifPresent(at -> {
            assertThat(quiet.covers(at, zone)).as("%s in %s", at.atZone(zone), zone).isFalse();
            assertThat(at).isBefore(visit).isAfterOrEqualTo(now);
        });
    }

    @Example
    void an_open_minute_the_clocks_skip_waits_for_the_next_day() {
        QuietHours allButOneMinute = new QuietHours(LocalTime.of(0, 7), LocalTime.of(0, 6));

        Instant sent = allButOneMinute.earliestFrom(Instant.parse("1969-11-23T01:05:59Z"), ZoneId.of("America/Santiago"));

        assertThat(sent).isEqualTo(Instant.parse("1969-11-24T03:06:00Z"));
    }

    @Example
    void a_reminder_due_at_night_waits_for_the_morning() {
        Instant due = at("2026-12-03T23:30", BERLIN);

        assertThat(QuietHours.NIGHT.reminderTime(due, at("2026-12-04T10:00", BERLIN), due.minusSeconds(3600), BERLIN))
                .contains(at("2026-12-04T08:00", BERLIN));
    }

    @Example
    void a_reminder_for_an_early_visit_goes_the_evening_before_instead_of_after_the_visit() {
        Instant visit = at("2026-12-04T07:30", BERLIN);
        Instant due = visit.minus(2, ChronoUnit.HOURS);

        assertThat(QuietHours.NIGHT.reminderTime(due, visit, due.minus(2, ChronoUnit.DAYS), BERLIN))
                .contains(at("2026-12-03T20:59", BERLIN));
    }

    @Example
    void a_reminder_whose_time_has_passed_is_not_sent() {
        Instant visit = at("2026-12-04T15:00", BERLIN);

        assertThat(QuietHours.NIGHT.reminderTime(visit.minus(24, ChronoUnit.HOURS), visit,
                visit.minus(3, ChronoUnit.HOURS), BERLIN)).isEmpty();
    }

    @Example
    void the_night_ends_at_eight_on_the_day_the_clocks_go_forward() {
        Instant due = at("2026-03-29T01:30", BERLIN);

        assertThat(QuietHours.NIGHT.earliestFrom(due, BERLIN)).isEqualTo(at("2026-03-29T08:00", BERLIN));
    }

    @Example
    void a_window_ending_in_the_repeated_hour_ends_after_its_second_pass() {
        QuietHours quiet = new QuietHours(LocalTime.of(1, 0), LocalTime.of(1, 30));
        // 01:15 EST, the second pass of the hour repeated when New York leaves daylight saving time
        Instant due = LocalDateTime.parse("2026-11-01T01:15").toInstant(ZoneOffset.ofHours(-5));

        Instant sent = quiet.earliestFrom(due, NEW_YORK);

        assertThat(sent).isEqualTo(LocalDateTime.parse("2026-11-01T01:30").toInstant(ZoneOffset.ofHours(-5)));
    }

    @Example
    void equal_start_and_end_mean_no_quiet_hours() {
        QuietHours none = new QuietHours(LocalTime.NOON, LocalTime.NOON);
        Instant due = at("2026-12-03T03:00", BERLIN);

        assertThat(none.earliestFrom(due, BERLIN)).isEqualTo(due);
    }

    @Provide
    Arbitrary<Instant> instants() {
        // 1900 to 2300: historic zone rules and the far future's projected ones
        return Arbitraries.longs().between(-2_208_988_800L, 10_413_792_000L).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago",
                "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Apia", "Africa/Casablanca", "America/St_Johns",
                "Europe/London", "UTC").map(ZoneId::of);
    }

    @Provide
    Arbitrary<QuietHours> quietHours() {
        Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 24 * 60 - 1)
                .map(minute -> LocalTime.of(minute / 60, minute % 60));
        return Combinators.combine(times, times).as(QuietHours::new);
    }

    @Provide
    Arbitrary<Integer> leadMinutes() {
        return Arbitraries.integers().between(1, 48 * 60);
    }

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
