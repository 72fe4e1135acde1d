package org.medicore.support.postgres;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool that, once it could not get a connection, refuses every request for a short while at
 * once instead of letting each caller wait the pool's whole connection timeout. While PostgreSQL
 * is down, callers then get a quick, retryable refusal within their deadline; after the pause the
 * next request tries the database again (a circuit breaker with a single state).
 * <p>
 * A wait in vain pauses the pool only when the database could not be reached, which Hikari tells by the connection
 * failure it names as the cause. A pool that is merely busy, every connection in use by a database that answers, is
 * no outage: pausing it turned the burst of retries that meets a restarted service into a second of refusals for
 * everybody, again and again (the fault suite saw 21 s to the first booking after a restart).
 * <p>
 * A busy pool does shed load once its queue stands: when callers have been waiting longer than {@link #TARGET} for
 * connections without the queue emptying for {@link #STANDING}, a caller who would join those already waiting is
 * refused at once. Queueing them too only made each wait up to the timeout while the clients' deadlines ran out, so
 * the work they had given up on was still done (a restarted service met by every client's retries at once: the fault
 * suite saw over 2,000 callers waiting for 10 connections); refused at once, they retry after a pause and the queue
 * drains. A caller who finds nobody waiting ends the shedding. One quick connection does not: the pool hands a freed
 * connection to whoever asks first, so a newcomer may be served at once while thousands wait.
 */
public final class FailFastDataSource extends DelegatingDataSource {

    /** How long a service waits for a connection at most; its callers' deadlines are 5 s. */
    public static final Duration CONNECTION_WAIT = Duration.ofSeconds(2);
    static final Duration PAUSE = Duration.ofSeconds(1);
    static final Duration TARGET = Duration.ofMillis(100);
    static final Duration STANDING = Duration.ofSeconds(1);

    private final Clock clock;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Instant refusingUntil = Instant.MIN;
    private volatile Instant queueStandingSince = Instant.MAX;

    public FailFastDataSource(DataSource pool, Clock clock) {
        super(pool);
        this.clock = clock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return attempt(super::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return attempt(() -> super.getConnection(username, password));
    }

    private interface Connect {
        Connection connect() throws SQLException;
    }

    private Connection attempt(Connect pool) throws SQLException {
        refuseWhilePaused();
        refuseWhileTheQueueStands();
        Instant asked = clock.instant();
        if (waiting.getAndIncrement() == 0) {
            queueStandingSince = Instant.MAX;
        }
        try {
            Connection connection = pool.connect();
            noteWait(asked);
            return connection;
        } catch (SQLTransientConnectionException timedOut) {
            if (timedOut.getCause() != null) {
                refusingUntil = clock.instant().plus(PAUSE);
            } else {
                noteWait(asked);
            }
            throw timedOut;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void noteWait(Instant asked) {
        Instant now = clock.instant();
        if (Duration.between(asked, now).compareTo(TARGET) >= 0 && queueStandingSince.equals(Instant.MAX)) {
            queueStandingSince = now;
        }
    }

    private void refuseWhileTheQueueStands() throws SQLTransientConnectionException {
        Instant since = queueStandingSince;
        int queued = waiting.get();
        if (queued > 0 && !since.equals(Instant.MAX) && !clock.instant().isBefore(since.plus(STANDING))) {
            throw new SQLTransientConnectionException("callers have waited longer than " + TARGET.toMillis()
                    + " ms for a connection to PostgreSQL since " + since + " and " + queued
                    + " callers are waiting: refused at once rather than queued, try again after a pause", "53300");
        }
    }

    private void refuseWhilePaused() throws SQLTransientConnectionException {
        Instant until = refusingUntil;
        if (clock.instant().isBefore(until)) {
            throw new SQLTransientConnectionException(
                    "no connection to PostgreSQL could be had a moment ago; not waiting again until " + until, "08001");
        }
    }
}
