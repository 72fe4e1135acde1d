package org.medicore.support.time;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's time as its PostgreSQL server tells it: the host's clock, corrected by how far it is from the
 * database's once that is more than {@link #TRUSTED}. A pod whose node clock has drifted (NTP broken, a paused VM)
 * would otherwise see every token as expired and refuse valid callers as unauthenticated, and book, charge and expire
 * by a time no one else keeps. The database is the reference because every service that keeps state writes to one,
 * on managed hosts whose time is kept (RDS), not on the node that drifted; Keycloak, whose time the tokens carry,
 * sends no {@code Date} header to measure against.
 *
 * <p>{@link #measure()} is called at start and then every half minute; until a measurement succeeds, or while the
 * database is away, the last known offset holds.
 */
public final class DatabaseTime implements AutoCloseable {

    /** Within this the host's clock is taken as it is: a measurement's own error is a few milliseconds. */
    public static final Duration TRUSTED = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(DatabaseTime.class);
    private static final int SAMPLES = 3;
    private static final Duration EVERY = Duration.ofSeconds(30);

    private final DataSource database;
    private final Clock host;
    private final AtomicReference<Duration> offset;
    private ScheduledExecutorService measuring;

    public DatabaseTime(DataSource database, Clock host) {
        this.database = database;
        this.host = host;
        this.offset = new AtomicReference<>(Duration.ZERO);
    }

    /**
     * Reads the database's clock a few times and keeps the reading with the shortest round trip, the one whose middle
     * is nearest the moment the database read it. Returns the host's distance from the database (positive when the
     * host is behind); a failure to read leaves the last offset in force.
     */
    public Duration measure() {
        Duration best = null;
        Duration shortestTrip = null;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (int sample = 0; sample < SAMPLES; sample++) {
                Instant sent = host.instant();
                Instant databaseNow;
                try (ResultSet now = statement.executeQuery("select clock_timestamp()")) {
                    now.next();
                    databaseNow = now.getObject(1, OffsetDateTime.class).toInstant();
                }
                Instant answered = host.instant();
                Duration trip = Duration.between(sent, answered);
                if (shortestTrip == null || trip.compareTo(shortestTrip) < 0) {
                    shortestTrip = trip;
                    best = Duration.between(sent.plus(trip.dividedBy(2)), databaseNow);
                }
            }
        } catch (SQLException | RuntimeException unreadable) {
            log.debug("the database's clock could not be read; the last offset holds: {}", unreadable.getMessage());
            return offset.get();
        }
        Duration measured = best.abs().compareTo(TRUSTED) <= 0 ? Duration.ZERO : best;
        Duration before = offset.getAndSet(measured);
        // Said once when the distance appears, changes or goes, not at every measurement of the same drift.
        if (measured.minus(before).abs().compareTo(TRUSTED) > 0) {
            log.warn("this host's clock is {} ms {} the database's; the service keeps the database's time",
                    best.abs().toMillis(), best.isNegative() ? "ahead of" : "behind");
        }
        return measured;
    }

    /** How far the service's time is set from the host's clock now (zero while they agree within {@link #TRUSTED}). */
    public Duration offset() {
        return offset.get();
    }

    /** The service's time: the host's clock moved by {@link #offset()}, in the host clock's zone. */
    public Clock clock() {
        return new Corrected(host);
    }

    private final class Corrected extends Clock {

        private final Clock base;

        Corrected(Clock base) {
            this.base = base;
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(getZone()) ? this : new Corrected(base.withZone(zone));
        }
    }

    /**
     * The time of a service whose host may drift, on a UTC host clock, measured now and then every half minute until it is closed
     * (a Spring bean is closed with its context).
     */
    public static DatabaseTime following(DataSource database) {
        DatabaseTime time = new DatabaseTime(database, Clock.system(ZoneOffset.UTC));
        time.measuring = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("database-time").factory());
        // Measured once before the service answers anything, so its first token checks already keep the right time.
        time.measure();
        time.measuring.scheduleWithFixedDelay(time::measure, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return time;
    }

    @Override
    public void close() {
        if (measuring != null) {
            measuring.shutdownNow();
        }
    }
}
